package io.petrel.store.postgresql;

import io.petrel.api.store.platform.ApiKeyStore;
import io.petrel.platform.store.ApiKeyStoreContract;
import io.petrel.store.WriterLimits;
import io.petrel.store.platform.PlatformDatabase;
import org.junit.jupiter.api.AfterEach;

class PostgresApiKeyStoreTest extends ApiKeyStoreContract {
    private PostgresTestDatabase schema;
    private PlatformDatabase database;

    @Override
    protected ApiKeyStore createStore() {
        schema = PostgresTestDatabase.create();
        database = PostgresPlatformDatabase.open(new PostgresOptions(schema.url(), null, null, 4,
                WriterLimits.DEFAULT));
        return database.apiKeys();
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
