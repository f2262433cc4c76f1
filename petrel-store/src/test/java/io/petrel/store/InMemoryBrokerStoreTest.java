package io.petrel.store;

import io.petrel.api.store.BrokerStore;
import io.petrel.store.memory.InMemoryBrokerStore;

class InMemoryBrokerStoreTest extends BrokerStoreContract {
    @Override
    protected BrokerStore open() {
        return new InMemoryBrokerStore();
    }

    @Override
    protected boolean durable() {
        return false;
    }
}
