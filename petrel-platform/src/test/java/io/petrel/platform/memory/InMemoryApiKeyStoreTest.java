package io.petrel.platform.memory;

import io.petrel.api.store.platform.ApiKeyStore;
import io.petrel.platform.store.ApiKeyStoreContract;

class InMemoryApiKeyStoreTest extends ApiKeyStoreContract {
    @Override
    protected ApiKeyStore createStore() {
        return new InMemoryApiKeyStore();
    }
}
