package io.petrel.platform.memory;

import io.petrel.api.store.platform.TelemetryStore;
import io.petrel.platform.store.TelemetryStoreContract;

class InMemoryTelemetryStoreTest extends TelemetryStoreContract {
    @Override
    protected TelemetryStore createStore() {
        return new InMemoryTelemetryStore();
    }
}
