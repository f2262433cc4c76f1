package io.petrel.store.postgresql;

import io.petrel.api.store.platform.ApiKeyStore;
import io.petrel.platform.store.ApiKeyStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresApiKeyStoreTest extends ApiKeyStoreContract {
    @RegisterExtension
    final PostgresPlatformSchema postgres = new PostgresPlatformSchema();

    @Override
    protected ApiKeyStore createStore() {
        return postgres.open().apiKeys();
    }
}
