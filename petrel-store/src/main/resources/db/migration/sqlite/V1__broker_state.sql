-- Broker state: persistent sessions, their subscriptions and inbound QoS 2 packet ids, queued and in-flight
-- messages, retained messages and pending wills. Booleans are 0/1 integers; times are epoch milliseconds.

CREATE TABLE sessions (
    client_id       TEXT    NOT NULL PRIMARY KEY,
    expiry_interval INTEGER NOT NULL,
    disconnected_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE subscriptions (
    client_id           TEXT    NOT NULL,
    topic_filter        TEXT    NOT NULL,
    qos                 INTEGER NOT NULL,
    no_local            INTEGER NOT NULL,
    retain_as_published INTEGER NOT NULL,
    retain_handling     INTEGER NOT NULL,
    subscription_id     INTEGER NOT NULL,
    PRIMARY KEY (client_id, topic_filter)
) WITHOUT ROWID;

CREATE TABLE inbound_qos2 (
    client_id TEXT    NOT NULL,
    packet_id INTEGER NOT NULL,
    PRIMARY KEY (client_id, packet_id)
) WITHOUT ROWID;

-- One body per published message, however many queues hold it.
CREATE TABLE messages (
    id           INTEGER NOT NULL PRIMARY KEY,
    topic        TEXT    NOT NULL,
    payload      BLOB    NOT NULL,
    qos          INTEGER NOT NULL,
    retain       INTEGER NOT NULL,
    properties   BLOB,
    expires_at   INTEGER NOT NULL,
    publisher_id TEXT
);

CREATE TABLE queue (
    client_id        TEXT    NOT NULL,
    seq              INTEGER NOT NULL,
    message_id       INTEGER NOT NULL,
    qos              INTEGER NOT NULL,
    retain           INTEGER NOT NULL,
    subscription_ids BLOB,
    packet_id        INTEGER NOT NULL,
    stage            INTEGER NOT NULL,
    PRIMARY KEY (client_id, seq)
) WITHOUT ROWID;

-- Finds whether a body is still needed when a queue row goes.
CREATE INDEX queue_message ON queue (message_id);

CREATE TABLE retained (
    topic        TEXT    NOT NULL PRIMARY KEY,
    payload      BLOB    NOT NULL,
    qos          INTEGER NOT NULL,
    properties   BLOB,
    expires_at   INTEGER NOT NULL,
    publisher_id TEXT
) WITHOUT ROWID;

CREATE TABLE wills (
    client_id    TEXT    NOT NULL PRIMARY KEY,
    topic        TEXT    NOT NULL,
    payload      BLOB    NOT NULL,
    qos          INTEGER NOT NULL,
    retain       INTEGER NOT NULL,
    properties   BLOB,
    expires_at   INTEGER NOT NULL,
    publisher_id TEXT,
    publish_at   INTEGER NOT NULL
) WITHOUT ROWID;
