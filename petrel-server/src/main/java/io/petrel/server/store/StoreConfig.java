package io.petrel.server.store;

import io.petrel.store.WriterLimits;
import org.jspecify.annotations.Nullable;

/**
 * Where and how the broker keeps its state.
 *
 * @param durability durable (the default) or memory
 * @param type the database, when durable
 * @param sqliteFsync whether each SQLite commit waits for the disk
 * @param postgresUrl the PostgreSQL JDBC URL, required when the type is PostgreSQL
 * @param postgresUser the PostgreSQL user, or null for the URL's
 * @param postgresPassword the PostgreSQL password, or null
 * @param postgresPoolSize the most PostgreSQL connections
 * @param limits the writer's batch size and queue bound
 */
public record StoreConfig(Durability durability, StoreType type, boolean sqliteFsync, @Nullable String postgresUrl,
        @Nullable String postgresUser, @Nullable String postgresPassword, int postgresPoolSize, WriterLimits limits) {

    /** Durable, in SQLite, syncing every commit. */
    public static StoreConfig defaults() {
        return new StoreConfig(Durability.DURABLE, StoreType.SQLITE, true, null, null, null, 8, WriterLimits.DEFAULT);
    }

    /** State on the heap only, as tests and benchmarks of the memory mode want it. */
    public static StoreConfig memory() {
        return new StoreConfig(Durability.MEMORY, StoreType.SQLITE, true, null, null, null, 8, WriterLimits.DEFAULT);
    }
}
