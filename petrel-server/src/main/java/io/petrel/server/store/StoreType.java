package io.petrel.server.store;

/** The database that holds durable state. */
public enum StoreType {
    /** One SQLite file in the data directory: the embedded default. */
    SQLITE,
    /** A PostgreSQL database, for larger installs. */
    POSTGRESQL
}
