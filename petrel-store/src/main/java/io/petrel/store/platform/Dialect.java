package io.petrel.store.platform;

import java.nio.ByteBuffer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** What differs between the databases the platform's SQL runs on; the statements themselves do not. */
public enum Dialect {
    /** UUIDs as 16-byte blobs, which keep every telemetry row and index entry small. */
    SQLITE {
        @Override
        void setUuid(PreparedStatement statement, int index, UUID id) throws SQLException {
            statement.setBytes(index, ByteBuffer.allocate(16).putLong(id.getMostSignificantBits())
                    .putLong(id.getLeastSignificantBits()).array());
        }

        @Override
        UUID getUuid(ResultSet rows, int index) throws SQLException {
            ByteBuffer bytes = ByteBuffer.wrap(rows.getBytes(index));
            return new UUID(bytes.getLong(), bytes.getLong());
        }

        @Override
        boolean isOverflow(SQLException e) {
            return e.getMessage() != null && e.getMessage().contains("integer overflow");
        }
    },
    /** UUIDs as PostgreSQL's own type. */
    POSTGRESQL {
        @Override
        void setUuid(PreparedStatement statement, int index, UUID id) throws SQLException {
            statement.setObject(index, id);
        }

        @Override
        UUID getUuid(ResultSet rows, int index) throws SQLException {
            return rows.getObject(index, UUID.class);
        }

        @Override
        boolean isOverflow(SQLException e) {
            // SQLSTATE 22003: numeric value out of range.
            return "22003".equals(e.getSQLState());
        }
    };

    abstract void setUuid(PreparedStatement statement, int index, UUID id) throws SQLException;

    abstract UUID getUuid(ResultSet rows, int index) throws SQLException;

    /** Whether a query failed because a sum left the 64-bit range. */
    abstract boolean isOverflow(SQLException e);
}
