package io.petrel.store.sqlite;

import io.petrel.api.store.platform.ApiKeyStore;
import io.petrel.platform.store.ApiKeyStoreContract;
import io.petrel.store.WriterLimits;
import io.petrel.store.platform.PlatformDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteApiKeyStoreTest extends ApiKeyStoreContract {
    @TempDir
    Path dir;
    private PlatformDatabase database;

    @Override
    protected ApiKeyStore createStore() {
        database = SqlitePlatformDatabase.open(new SqliteOptions(dir.resolve("platform.db"), false,
                WriterLimits.DEFAULT));
        return database.apiKeys();
    }

    @AfterEach
    void close() {
        database.close();
    }
}
