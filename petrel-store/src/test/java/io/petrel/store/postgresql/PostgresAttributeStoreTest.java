package io.petrel.store.postgresql;

import io.petrel.api.store.platform.AttributeStore;
import io.petrel.platform.store.AttributeStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresAttributeStoreTest extends AttributeStoreContract {
    @RegisterExtension
    final PostgresPlatformSchema postgres = new PostgresPlatformSchema();

    @Override
    protected AttributeStore createStore() {
        return postgres.open().attributes();
    }
}
