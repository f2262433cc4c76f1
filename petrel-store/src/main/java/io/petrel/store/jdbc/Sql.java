package io.petrel.store.jdbc;

/**
 * Every statement the JDBC stores run. SQLite (3.24 and later) and PostgreSQL both understand them as written:
 * {@code ON CONFLICT} upserts, 0/1 integers for booleans.
 */
final class Sql {
    static final String MESSAGE_COLUMNS = "topic, payload, qos, retain, properties, expires_at, publisher_id";

    static final String SAVE_SESSION = "INSERT INTO sessions (client_id, expiry_interval, disconnected_at) "
            + "VALUES (?, ?, ?) ON CONFLICT (client_id) DO UPDATE SET expiry_interval = excluded.expiry_interval, "
            + "disconnected_at = excluded.disconnected_at";
    static final String DELETE_SESSION = "DELETE FROM sessions WHERE client_id = ?";
    static final String DELETE_SESSION_SUBSCRIPTIONS = "DELETE FROM subscriptions WHERE client_id = ?";
    static final String DELETE_SESSION_QUEUE = "DELETE FROM queue WHERE client_id = ?";
    static final String DELETE_SESSION_QOS2 = "DELETE FROM inbound_qos2 WHERE client_id = ?";
    static final String SESSION_MESSAGE_IDS = "SELECT DISTINCT message_id FROM queue WHERE client_id = ?";

    static final String SAVE_SUBSCRIPTION = "INSERT INTO subscriptions (client_id, topic_filter, qos, no_local, "
            + "retain_as_published, retain_handling, subscription_id) VALUES (?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (client_id, topic_filter) DO UPDATE SET qos = excluded.qos, no_local = excluded.no_local, "
            + "retain_as_published = excluded.retain_as_published, retain_handling = excluded.retain_handling, "
            + "subscription_id = excluded.subscription_id";
    static final String DELETE_SUBSCRIPTION = "DELETE FROM subscriptions WHERE client_id = ? AND topic_filter = ?";

    static final String INSERT_MESSAGE = "INSERT INTO messages (id, " + MESSAGE_COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING";
    static final String INSERT_QUEUED = "INSERT INTO queue (client_id, seq, message_id, qos, retain, "
            + "subscription_ids, packet_id, stage) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    static final String UPDATE_DELIVERY = "UPDATE queue SET packet_id = ?, stage = ? WHERE client_id = ? AND seq = ?";
    static final String DELETE_QUEUED = "DELETE FROM queue WHERE client_id = ? AND seq = ?";
    /** Drops a body once no queue holds it; runs at the end of each batch for the bodies it may have freed. */
    static final String DELETE_UNUSED_MESSAGE =
            "DELETE FROM messages WHERE id = ? AND NOT EXISTS (SELECT 1 FROM queue WHERE message_id = ?)";
    static final String READ_QUEUE = "SELECT q.seq, q.message_id, q.qos, q.retain, q.subscription_ids, q.packet_id, "
            + "q.stage, m.topic, m.payload, m.qos, m.retain, m.properties, m.expires_at, m.publisher_id "
            + "FROM queue q JOIN messages m ON m.id = q.message_id WHERE q.client_id = ? AND q.seq > ? "
            + "ORDER BY q.seq LIMIT ?";

    static final String ADD_QOS2 = "INSERT INTO inbound_qos2 (client_id, packet_id) VALUES (?, ?) "
            + "ON CONFLICT (client_id, packet_id) DO NOTHING";
    static final String REMOVE_QOS2 = "DELETE FROM inbound_qos2 WHERE client_id = ? AND packet_id = ?";

    static final String PUT_RETAINED = "INSERT INTO retained (topic, payload, qos, properties, expires_at, "
            + "publisher_id) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (topic) DO UPDATE SET payload = excluded.payload, "
            + "qos = excluded.qos, properties = excluded.properties, expires_at = excluded.expires_at, "
            + "publisher_id = excluded.publisher_id";
    static final String REMOVE_RETAINED = "DELETE FROM retained WHERE topic = ?";

    static final String SAVE_WILL = "INSERT INTO wills (client_id, " + MESSAGE_COLUMNS + ", publish_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (client_id) DO UPDATE SET topic = excluded.topic, "
            + "payload = excluded.payload, qos = excluded.qos, retain = excluded.retain, "
            + "properties = excluded.properties, expires_at = excluded.expires_at, "
            + "publisher_id = excluded.publisher_id, publish_at = excluded.publish_at";
    static final String DELETE_WILL = "DELETE FROM wills WHERE client_id = ?";

    static final String LOAD_SESSIONS = "SELECT client_id, expiry_interval, disconnected_at FROM sessions";
    static final String LOAD_SUBSCRIPTIONS = "SELECT client_id, topic_filter, qos, no_local, retain_as_published, "
            + "retain_handling, subscription_id FROM subscriptions";
    static final String LOAD_QOS2 = "SELECT client_id, packet_id FROM inbound_qos2";
    static final String LOAD_QUEUE_SIZES = "SELECT client_id, COUNT(*), MAX(seq) FROM queue GROUP BY client_id";
    static final String LOAD_RETAINED = "SELECT topic, payload, qos, properties, expires_at, publisher_id "
            + "FROM retained";
    static final String LOAD_WILLS = "SELECT client_id, " + MESSAGE_COLUMNS + ", publish_at FROM wills";
    static final String LAST_MESSAGE_ID = "SELECT COALESCE(MAX(id), 0) FROM messages";

    private Sql() {
    }
}
