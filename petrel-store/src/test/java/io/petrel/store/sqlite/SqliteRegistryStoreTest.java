package io.petrel.store.sqlite;

import io.petrel.api.store.platform.RegistryStore;
import io.petrel.platform.store.RegistryStoreContract;
import io.petrel.store.WriterLimits;
import io.petrel.store.platform.PlatformDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteRegistryStoreTest extends RegistryStoreContract {
    @TempDir
    Path dir;
    private PlatformDatabase database;

    @Override
    protected RegistryStore createStore() {
        database = SqlitePlatformDatabase.open(new SqliteOptions(dir.resolve("platform.db"), false,
                WriterLimits.DEFAULT));
        return database.registry();
    }

    @AfterEach
    void close() {
        database.close();
    }
}
