package io.petrel.store.postgresql;

import io.petrel.api.store.platform.RegistryStore;
import io.petrel.platform.store.RegistryStoreContract;
import io.petrel.store.WriterLimits;
import io.petrel.store.platform.PlatformDatabase;
import org.junit.jupiter.api.AfterEach;

class PostgresRegistryStoreTest extends RegistryStoreContract {
    private PostgresTestDatabase schema;
    private PlatformDatabase database;

    @Override
    protected RegistryStore createStore() {
        schema = PostgresTestDatabase.create();
        database = PostgresPlatformDatabase.open(new PostgresOptions(schema.url(), null, null, 4,
                WriterLimits.DEFAULT));
        return database.registry();
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
