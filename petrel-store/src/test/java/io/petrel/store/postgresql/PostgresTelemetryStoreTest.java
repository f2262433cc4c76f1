package io.petrel.store.postgresql;

import io.petrel.api.store.platform.TelemetryStore;
import io.petrel.platform.store.TelemetryStoreContract;
import io.petrel.store.WriterLimits;
import io.petrel.store.platform.PlatformDatabase;
import org.junit.jupiter.api.AfterEach;

class PostgresTelemetryStoreTest extends TelemetryStoreContract {
    private PostgresTestDatabase schema;
    private PlatformDatabase database;

    @Override
    protected TelemetryStore createStore() {
        schema = PostgresTestDatabase.create();
        database = PostgresPlatformDatabase.open(new PostgresOptions(schema.url(), null, null, 4,
                WriterLimits.DEFAULT));
        return database.telemetry();
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
        if (schema != null) {
            schema.drop();
        }
    }
}
