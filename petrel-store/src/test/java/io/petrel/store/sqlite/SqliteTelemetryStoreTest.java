package io.petrel.store.sqlite;

import io.petrel.api.store.platform.TelemetryStore;
import io.petrel.platform.store.TelemetryStoreContract;
import io.petrel.store.WriterLimits;
import io.petrel.store.platform.PlatformDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteTelemetryStoreTest extends TelemetryStoreContract {
    @TempDir
    Path dir;
    private PlatformDatabase database;

    @Override
    protected TelemetryStore createStore() {
        database = SqlitePlatformDatabase.open(new SqliteOptions(dir.resolve("platform.db"), false,
                WriterLimits.DEFAULT));
        return database.telemetry();
    }

    @AfterEach
    void close() {
        database.close();
    }
}
