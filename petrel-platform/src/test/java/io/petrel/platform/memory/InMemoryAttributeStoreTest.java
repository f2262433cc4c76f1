package io.petrel.platform.memory;

import io.petrel.api.store.platform.AttributeStore;
import io.petrel.platform.store.AttributeStoreContract;

class InMemoryAttributeStoreTest extends AttributeStoreContract {
    @Override
    protected AttributeStore createStore() {
        return new InMemoryAttributeStore();
    }
}
