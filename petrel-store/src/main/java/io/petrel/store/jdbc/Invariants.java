package io.petrel.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Petrel's own rules about its tables, which no constraint enforces because the writer keeps them and
 * checking them on every write would cost more than it saves. Each rule is a query that finds the rows that
 * break it.
 */
final class Invariants {
    private static final int SHOWN = 5;

    private record Rule(String problem, String query) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule("subscription of a missing session", "SELECT client_id, topic_filter FROM subscriptions s "
                    + "WHERE NOT EXISTS (SELECT 1 FROM sessions x WHERE x.client_id = s.client_id)"),
            new Rule("queued message of a missing session", "SELECT client_id, seq FROM queue q "
                    + "WHERE NOT EXISTS (SELECT 1 FROM sessions x WHERE x.client_id = q.client_id)"),
            new Rule("inbound QoS 2 packet id of a missing session", "SELECT client_id, packet_id FROM inbound_qos2 i "
                    + "WHERE NOT EXISTS (SELECT 1 FROM sessions x WHERE x.client_id = i.client_id)"),
            new Rule("will of a missing session", "SELECT client_id, topic FROM wills w "
                    + "WHERE NOT EXISTS (SELECT 1 FROM sessions x WHERE x.client_id = w.client_id)"),
            new Rule("queued message without its body", "SELECT client_id, seq FROM queue q "
                    + "WHERE NOT EXISTS (SELECT 1 FROM messages m WHERE m.id = q.message_id)"),
            new Rule("message body no queue needs", "SELECT id, topic FROM messages m "
                    + "WHERE NOT EXISTS (SELECT 1 FROM queue q WHERE q.message_id = m.id)"),
            new Rule("queued message with a packet id, or in flight without one", "SELECT client_id, seq FROM queue "
                    + "WHERE (stage = 0 AND packet_id <> 0) OR (stage <> 0 AND (packet_id < 1 OR packet_id > 65535)) "
                    + "OR stage NOT IN (0, 1, 2)"),
            new Rule("two in-flight messages of a session under one packet id", "SELECT client_id, packet_id "
                    + "FROM queue WHERE stage <> 0 GROUP BY client_id, packet_id HAVING COUNT(*) > 1"),
            new Rule("QoS out of range, or QoS 0 in flight", "SELECT client_id, CAST(seq AS TEXT) "
                    + "FROM queue WHERE qos NOT IN (0, 1, 2) OR (qos = 0 AND stage <> 0) "
                    + "UNION ALL SELECT client_id, topic_filter FROM subscriptions WHERE qos NOT IN (0, 1, 2)"),
            new Rule("inbound QoS 2 packet id out of range",
                    "SELECT client_id, packet_id FROM inbound_qos2 WHERE packet_id < 1 OR packet_id > 65535"));

    private Invariants() {
    }

    static List<String> check(Connection connection) throws SQLException {
        List<String> problems = new ArrayList<>();
        for (Rule rule : RULES) {
            List<String> shown = new ArrayList<>();
            long[] count = {0};
            SessionLoader.scan(connection, rule.query(), rows -> {
                if (count[0]++ < SHOWN) {
                    shown.add(rows.getString(1) + " / " + rows.getString(2));
                }
            });
            if (count[0] > 0) {
                problems.add(count[0] + " x " + rule.problem() + ": " + String.join(", ", shown)
                        + (count[0] > SHOWN ? ", ..." : ""));
            }
        }
        return problems;
    }
}
