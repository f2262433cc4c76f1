-- Broker state (PostgreSQL): persistent sessions, their subscriptions and inbound QoS 2 packet ids, queued
-- and in-flight messages, retained messages and pending wills. Booleans are 0/1 integers, as in the SQLite
-- schema, so that both engines share their SQL; times are epoch milliseconds.

CREATE TABLE sessions (
    client_id       TEXT    NOT NULL PRIMARY KEY,
    expiry_interval BIGINT  NOT NULL,
    disconnected_at BIGINT  NOT NULL
);

CREATE TABLE subscriptions (
    client_id           TEXT    NOT NULL,
    topic_filter        TEXT    NOT NULL,
    qos                 INTEGER NOT NULL,
    no_local            INTEGER NOT NULL,
    retain_as_published INTEGER NOT NULL,
    retain_handling     INTEGER NOT NULL,
    subscription_id     INTEGER NOT NULL,
    PRIMARY KEY (client_id, topic_filter)
);

CREATE TABLE inbound_qos2 (
    client_id TEXT    NOT NULL,
    packet_id INTEGER NOT NULL,
    PRIMARY KEY (client_id, packet_id)
);

-- One body per published message, however many queues hold it.
CREATE TABLE messages (
    id           BIGINT  NOT NULL PRIMARY KEY,
    topic        TEXT    NOT NULL,
    payload      BYTEA   NOT NULL,
    qos          INTEGER NOT NULL,
    retain       INTEGER NOT NULL,
    properties   BYTEA,
    expires_at   BIGINT  NOT NULL,
    publisher_id TEXT
);

CREATE TABLE queue (
    client_id        TEXT    NOT NULL,
    seq              BIGINT  NOT NULL,
    message_id       BIGINT  NOT NULL,
    qos              INTEGER NOT NULL,
    retain           INTEGER NOT NULL,
    subscription_ids BYTEA,
    packet_id        INTEGER NOT NULL,
    stage            INTEGER NOT NULL,
    PRIMARY KEY (client_id, seq)
);

-- Finds whether a body is still needed when a queue row goes.
CREATE INDEX queue_message ON queue (message_id);

CREATE TABLE retained (
    topic        TEXT    NOT NULL PRIMARY KEY,
    payload      BYTEA   NOT NULL,
    qos          INTEGER NOT NULL,
    properties   BYTEA,
    expires_at   BIGINT  NOT NULL,
    publisher_id TEXT
);

CREATE TABLE wills (
    client_id    TEXT    NOT NULL PRIMARY KEY,
    topic        TEXT    NOT NULL,
    payload      BYTEA   NOT NULL,
    qos          INTEGER NOT NULL,
    retain       INTEGER NOT NULL,
    properties   BYTEA,
    expires_at   BIGINT  NOT NULL,
    publisher_id TEXT,
    publish_at   BIGINT  NOT NULL
);
