package io.petrel.store.postgresql;

import io.petrel.api.store.platform.RegistryStore;
import io.petrel.platform.store.RegistryStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresRegistryStoreTest extends RegistryStoreContract {
    @RegisterExtension
    final PostgresPlatformSchema postgres = new PostgresPlatformSchema();

    @Override
    protected RegistryStore createStore() {
        return postgres.open().registry();
    }
}
