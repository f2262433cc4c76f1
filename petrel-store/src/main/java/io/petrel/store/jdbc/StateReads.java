package io.petrel.store.jdbc;

import io.petrel.api.Message;
import io.petrel.api.store.PendingWill;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Consumer;

/** The startup reads besides sessions: retained messages, pending wills and the last message id. */
final class StateReads {
    private StateReads() {
    }

    static void retained(Connection connection, Consumer<Message> sink) throws SQLException {
        SessionLoader.scan(connection, Sql.LOAD_RETAINED, rows -> sink.accept(Rows.retained(rows)));
    }

    static void wills(Connection connection, Consumer<PendingWill> sink) throws SQLException {
        SessionLoader.scan(connection, Sql.LOAD_WILLS,
                rows -> sink.accept(new PendingWill(rows.getString(1), Rows.message(rows, 2), rows.getLong(9))));
    }

    static long lastMessageId(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(Sql.LAST_MESSAGE_ID);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
