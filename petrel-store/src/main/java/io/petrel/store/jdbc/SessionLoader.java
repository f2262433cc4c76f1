package io.petrel.store.jdbc;

import io.petrel.api.store.StoredSession;
import io.petrel.api.store.StoredSubscription;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Loads every session at startup: subscriptions, inbound QoS 2 ids and queue sizes first, each in one pass
 * over its table, then the sessions themselves, assembled in memory. Four sequential scans beat one join that
 * would repeat each session per subscription and per packet id.
 */
final class SessionLoader {
    static final int FETCH = 10_000;

    private SessionLoader() {
    }

    static void load(Connection connection, Consumer<StoredSession> sink) throws SQLException {
        Map<String, List<StoredSubscription>> subscriptions = new HashMap<>();
        scan(connection, Sql.LOAD_SUBSCRIPTIONS, rows -> subscriptions
                .computeIfAbsent(rows.getString(1), id -> new ArrayList<>(2))
                .add(new StoredSubscription(rows.getString(2), rows.getInt(3), rows.getInt(4) != 0,
                        rows.getInt(5) != 0, rows.getInt(6), rows.getInt(7))));
        Map<String, Set<Integer>> qos2 = new HashMap<>();
        scan(connection, Sql.LOAD_QOS2, rows -> qos2.computeIfAbsent(rows.getString(1), id -> new HashSet<>())
                .add(rows.getInt(2)));
        Map<String, long[]> queues = new HashMap<>();
        scan(connection, Sql.LOAD_QUEUE_SIZES,
                rows -> queues.put(rows.getString(1), new long[] {rows.getLong(2), rows.getLong(3)}));
        scan(connection, Sql.LOAD_SESSIONS, rows -> {
            String clientId = rows.getString(1);
            long[] queue = queues.getOrDefault(clientId, new long[2]);
            sink.accept(new StoredSession(clientId, rows.getLong(2), rows.getLong(3),
                    subscriptions.getOrDefault(clientId, List.of()), qos2.getOrDefault(clientId, Set.of()),
                    (int) queue[0], queue[1]));
        });
    }

    /** Runs a query and hands each row to the action, fetching in large pages. */
    static void scan(Connection connection, String sql, RowAction action) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(FETCH);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    action.accept(rows);
                }
            }
        }
    }

    /** What to do with one row. */
    @FunctionalInterface
    interface RowAction {
        void accept(ResultSet rows) throws SQLException;
    }
}
