package io.petrel.server.devices;

import io.petrel.api.store.StoreException;
import io.petrel.api.store.platform.ApiKeyStore;
import io.petrel.platform.PlatformStores;
import io.petrel.platform.memory.InMemoryApiKeyStore;
import io.petrel.server.store.BrokerStores;
import io.petrel.server.store.Durability;
import io.petrel.server.store.StoreConfig;
import io.petrel.store.platform.PlatformDatabase;
import io.petrel.store.postgresql.PostgresPlatformDatabase;
import io.petrel.store.sqlite.SqlitePlatformDatabase;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The one place where the device platform's stores are chosen. They follow the broker's store configuration:
 * in memory when the broker's state is, else in SQLite ({@code <data-dir>/platform.db}, beside the broker's
 * file) or in the broker's PostgreSQL database. The REST API's keys live with them.
 */
final class DeviceStores implements AutoCloseable {
    private final PlatformStores stores;
    private final ApiKeyStore apiKeys;
    private final @Nullable PlatformDatabase database;

    private DeviceStores(PlatformStores stores, ApiKeyStore apiKeys, @Nullable PlatformDatabase database) {
        this.stores = stores;
        this.apiKeys = apiKeys;
        this.database = database;
    }

    /**
     * Opens the configured stores, migrating their schema.
     *
     * @param dataDir where an embedded database keeps its files
     * @throws StoreException if the database cannot be opened
     */
    static DeviceStores open(StoreConfig config, Path dataDir) {
        if (config.durability() == Durability.MEMORY) {
            return of(PlatformStores.inMemory());
        }
        PlatformDatabase database = switch (config.type()) {
            case SQLITE -> SqlitePlatformDatabase.open(SqlitePlatformDatabase.inDataDir(dataDir,
                    BrokerStores.sqlite(config, dataDir)));
            case POSTGRESQL -> PostgresPlatformDatabase.open(BrokerStores.postgres(config));
        };
        return new DeviceStores(new PlatformStores(database.registry(), database.attributes(), database.telemetry()),
                database.apiKeys(), database);
    }

    /** Stores an embedder chose; API keys then live in memory. */
    static DeviceStores of(PlatformStores stores) {
        return new DeviceStores(stores, new InMemoryApiKeyStore(), null);
    }

    PlatformStores stores() {
        return stores;
    }

    ApiKeyStore apiKeys() {
        return apiKeys;
    }

    /** Where the data is, for the startup log. */
    String describe() {
        return database == null ? "memory" : database.describe();
    }

    /** Commits what is queued and closes the database; call it once the platform stopped writing. */
    @Override
    public void close() {
        if (database != null) {
            database.close();
        }
    }
}
