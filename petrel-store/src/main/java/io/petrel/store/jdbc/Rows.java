package io.petrel.store.jdbc;

import io.petrel.api.Message;
import io.petrel.api.QoS;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/** Binds messages to statement parameters and reads them back from rows, in {@link Sql#MESSAGE_COLUMNS} order. */
final class Rows {
    private Rows() {
    }

    /** Binds topic, payload, qos, retain, properties, expiry and publisher from parameter {@code first} on. */
    static int bindMessage(PreparedStatement statement, int first, Message message) throws SQLException {
        int i = first;
        statement.setString(i++, message.topic());
        statement.setBytes(i++, message.payload());
        statement.setInt(i++, message.qos().value());
        statement.setInt(i++, message.retain() ? 1 : 0);
        setBytes(statement, i++, Codec.properties(message.properties()));
        statement.setLong(i++, message.expiresAtMillis());
        statement.setString(i++, message.publisherId());
        return i;
    }

    /** Reads the columns bound by {@link #bindMessage}, starting at column {@code first}. */
    static Message message(ResultSet rows, int first) throws SQLException {
        int i = first;
        return new Message(rows.getString(i), rows.getBytes(i + 1), QoS.of(rows.getInt(i + 2)), rows.getInt(i + 3) != 0,
                Codec.properties(rows.getBytes(i + 4)), rows.getLong(i + 5), rows.getString(i + 6));
    }

    /** Reads a retained message: the message columns without retain, which is always set. */
    static Message retained(ResultSet rows) throws SQLException {
        return new Message(rows.getString(1), rows.getBytes(2), QoS.of(rows.getInt(3)), true,
                Codec.properties(rows.getBytes(4)), rows.getLong(5), rows.getString(6));
    }

    static void setBytes(PreparedStatement statement, int index, byte @org.jspecify.annotations.Nullable [] bytes)
            throws SQLException {
        if (bytes == null) {
            statement.setNull(index, Types.BINARY);
        } else {
            statement.setBytes(index, bytes);
        }
    }
}
