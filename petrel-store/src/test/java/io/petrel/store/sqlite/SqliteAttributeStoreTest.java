package io.petrel.store.sqlite;

import io.petrel.api.store.platform.AttributeStore;
import io.petrel.platform.store.AttributeStoreContract;
import io.petrel.store.WriterLimits;
import io.petrel.store.platform.PlatformDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteAttributeStoreTest extends AttributeStoreContract {
    @TempDir
    Path dir;
    private PlatformDatabase database;

    @Override
    protected AttributeStore createStore() {
        database = SqlitePlatformDatabase.open(new SqliteOptions(dir.resolve("platform.db"), false,
                WriterLimits.DEFAULT));
        return database.attributes();
    }

    @AfterEach
    void close() {
        database.close();
    }
}
