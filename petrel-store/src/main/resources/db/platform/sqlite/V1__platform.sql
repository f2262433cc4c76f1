-- The device platform: organizations, device profiles, devices and their credentials, attributes, telemetry
-- and the REST API's keys. Ids of devices and profiles are 16-byte UUIDs; booleans are 0/1 integers; times
-- are epoch milliseconds. A value is stored with its type (0 boolean, 1 long, 2 double, 3 string, 4 JSON) in
-- long_v (booleans and longs), dbl_v or str_v (strings and JSON text).

CREATE TABLE organizations (
    id                TEXT    NOT NULL PRIMARY KEY,
    name              TEXT    NOT NULL,
    telemetry_ttl_ms  INTEGER NOT NULL,
    created_at        INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE device_profiles (
    id                 BLOB    NOT NULL PRIMARY KEY,
    organization       TEXT    NOT NULL,
    name               TEXT    NOT NULL,
    payload_type       TEXT    NOT NULL,
    provision_strategy TEXT    NOT NULL,
    provision_key      TEXT,
    provision_secret   TEXT,
    created_at         INTEGER NOT NULL,
    UNIQUE (organization, name)
) WITHOUT ROWID;

CREATE UNIQUE INDEX device_profiles_provision_key ON device_profiles (provision_key)
    WHERE provision_key IS NOT NULL;

CREATE TABLE devices (
    id              BLOB    NOT NULL PRIMARY KEY,
    organization    TEXT    NOT NULL,
    name            TEXT    NOT NULL,
    type            TEXT    NOT NULL,
    profile_id      BLOB    NOT NULL,
    gateway         INTEGER NOT NULL,
    additional_info TEXT    NOT NULL,
    created_at      INTEGER NOT NULL,
    UNIQUE (organization, name)
) WITHOUT ROWID;

-- Whether a profile is still used, when it is deleted.
CREATE INDEX devices_profile ON devices (profile_id);

CREATE TABLE device_credentials (
    device_id  BLOB    NOT NULL PRIMARY KEY,
    type       TEXT    NOT NULL,
    lookup_key TEXT    NOT NULL UNIQUE,
    value      TEXT    NOT NULL
) WITHOUT ROWID;

CREATE TABLE attributes (
    device_id      BLOB    NOT NULL,
    scope          INTEGER NOT NULL,
    key            TEXT    NOT NULL,
    type           INTEGER NOT NULL,
    long_v         INTEGER,
    dbl_v          REAL,
    str_v          TEXT,
    last_update_ts INTEGER NOT NULL,
    PRIMARY KEY (device_id, scope, key)
) WITHOUT ROWID;

-- Telemetry keys by number: a series row carries a small integer instead of the key's text.
CREATE TABLE ts_keys (
    id  INTEGER NOT NULL PRIMARY KEY,
    key TEXT    NOT NULL UNIQUE
);

-- The time series: one row per device, key and time. The key order serves range and aggregate queries of one
-- key, and retention's deletes of one key's old points, as range scans.
CREATE TABLE ts_kv (
    device_id BLOB    NOT NULL,
    key_id    INTEGER NOT NULL,
    ts        INTEGER NOT NULL,
    type      INTEGER NOT NULL,
    long_v    INTEGER,
    dbl_v     REAL,
    str_v     TEXT,
    PRIMARY KEY (device_id, key_id, ts)
) WITHOUT ROWID;

-- The newest point of each key of a device, kept as points arrive, so latest values cost one lookup.
CREATE TABLE ts_latest (
    device_id BLOB    NOT NULL,
    key_id    INTEGER NOT NULL,
    ts        INTEGER NOT NULL,
    type      INTEGER NOT NULL,
    long_v    INTEGER,
    dbl_v     REAL,
    str_v     TEXT,
    PRIMARY KEY (device_id, key_id)
) WITHOUT ROWID;

CREATE TABLE api_keys (
    id           TEXT    NOT NULL PRIMARY KEY,
    name         TEXT    NOT NULL,
    organization TEXT,
    secret_hash  TEXT    NOT NULL,
    created_by   TEXT    NOT NULL,
    created_at   INTEGER NOT NULL
) WITHOUT ROWID;
