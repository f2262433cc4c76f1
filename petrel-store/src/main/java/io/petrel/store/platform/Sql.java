package io.petrel.store.platform;

import io.petrel.store.jdbc.Transaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Small helpers for queries on a plain connection, as reads make them. */
final class Sql {
    /** Reads one row. */
    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private Sql() {
    }

    /** The rows of a query, each read by {@code row}. */
    static <T> List<T> list(Connection connection, String sql, Transaction.Binder binder, Row<T> row)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> values = new ArrayList<>();
                while (rows.next()) {
                    values.add(row.read(rows));
                }
                return values;
            }
        }
    }

    /** The rows of a query in the writer's transaction. */
    static <T> List<T> list(Transaction tx, String sql, Transaction.Binder binder, Row<T> row) throws SQLException {
        return tx.query(sql, binder, rows -> {
            List<T> values = new ArrayList<>();
            while (rows.next()) {
                values.add(row.read(rows));
            }
            return values;
        });
    }

    /** Whether a query in the writer's transaction finds a row. */
    static boolean exists(Transaction tx, String sql, Transaction.Binder binder) throws SQLException {
        return tx.query(sql, binder, ResultSet::next);
    }
}
