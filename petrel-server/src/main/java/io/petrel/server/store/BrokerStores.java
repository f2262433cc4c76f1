package io.petrel.server.store;

import io.petrel.api.store.BrokerStore;
import io.petrel.api.store.StoreException;
import io.petrel.store.memory.InMemoryBrokerStore;
import io.petrel.store.postgresql.PostgresBrokerStore;
import io.petrel.store.postgresql.PostgresOptions;
import io.petrel.store.sqlite.SqliteBrokerStore;
import io.petrel.store.sqlite.SqliteOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** Opens the store a configuration names. */
public final class BrokerStores {
    private BrokerStores() {
    }

    /**
     * Opens the configured store, migrating its schema: an in-memory one when durability is memory.
     *
     * @throws StoreException if it cannot be opened
     */
    public static BrokerStore open(StoreConfig config, Path dataDir) {
        if (config.durability() == Durability.MEMORY) {
            return new InMemoryBrokerStore();
        }
        return switch (config.type()) {
            case SQLITE -> SqliteBrokerStore.open(sqlite(config, dataDir));
            case POSTGRESQL -> PostgresBrokerStore.open(postgres(config));
        };
    }

    /**
     * Opens the configured store for inspection, without creating or migrating it.
     *
     * @throws StoreException if there is no store, or it is not at the schema version this Petrel expects
     */
    public static BrokerStore openExisting(StoreConfig config, Path dataDir) {
        if (config.durability() == Durability.MEMORY) {
            throw new StoreException("store.durability is memory: there is no stored state to open");
        }
        String problem;
        switch (config.type()) {
            case SQLITE -> {
                SqliteOptions options = sqlite(config, dataDir);
                if (!Files.isRegularFile(options.file())) {
                    throw new StoreException(options.file().toAbsolutePath() + ": no such store");
                }
                problem = SqliteBrokerStore.versionProblem(options);
            }
            case POSTGRESQL -> problem = PostgresBrokerStore.versionProblem(postgres(config));
            default -> throw new IllegalStateException(config.type().toString());
        }
        if (problem != null) {
            throw new StoreException(problem);
        }
        return open(config, dataDir);
    }

    /** Where the configured store keeps its data, for messages. */
    public static String describe(StoreConfig config, Path dataDir) {
        if (config.durability() == Durability.MEMORY) {
            return "memory";
        }
        return config.type() == StoreType.SQLITE ? sqlite(config, dataDir).file().toAbsolutePath().toString()
                : postgres(config).safeUrl();
    }

    /** The configured SQLite options of the broker's file; the device platform's file takes its settings. */
    public static SqliteOptions sqlite(StoreConfig config, Path dataDir) {
        return new SqliteOptions(dataDir.resolve(SqliteOptions.FILE_NAME), config.sqliteFsync(), config.limits());
    }

    /** The configured PostgreSQL options, which the device platform's tables share. */
    public static PostgresOptions postgres(StoreConfig config) {
        @Nullable String url = config.postgresUrl();
        if (url == null) {
            throw new StoreException("store.type is postgresql but store.postgresql.url is not set");
        }
        return new PostgresOptions(url, config.postgresUser(), config.postgresPassword(), config.postgresPoolSize(),
                config.limits());
    }
}
