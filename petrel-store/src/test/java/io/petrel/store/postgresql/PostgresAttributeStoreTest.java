package io.petrel.store.postgresql;

import io.petrel.api.store.platform.AttributeStore;
import io.petrel.platform.store.AttributeStoreContract;
import io.petrel.store.WriterLimits;
import io.petrel.store.platform.PlatformDatabase;
import org.junit.jupiter.api.AfterEach;

class PostgresAttributeStoreTest extends AttributeStoreContract {
    private PostgresTestDatabase schema;
    private PlatformDatabase database;

    @Override
    protected AttributeStore createStore() {
        schema = PostgresTestDatabase.create();
        database = PostgresPlatformDatabase.open(new PostgresOptions(schema.url(), null, null, 4,
                WriterLimits.DEFAULT));
        return database.attributes();
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
