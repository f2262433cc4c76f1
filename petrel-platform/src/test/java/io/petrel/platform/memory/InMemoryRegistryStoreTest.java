package io.petrel.platform.memory;

import io.petrel.api.store.platform.RegistryStore;
import io.petrel.platform.store.RegistryStoreContract;

class InMemoryRegistryStoreTest extends RegistryStoreContract {
    @Override
    protected RegistryStore createStore() {
        return new InMemoryRegistryStore();
    }
}
