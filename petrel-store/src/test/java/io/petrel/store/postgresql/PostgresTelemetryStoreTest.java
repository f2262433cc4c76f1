package io.petrel.store.postgresql;

import io.petrel.api.store.platform.TelemetryStore;
import io.petrel.platform.store.TelemetryStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresTelemetryStoreTest extends TelemetryStoreContract {
    @RegisterExtension
    final PostgresPlatformSchema postgres = new PostgresPlatformSchema();

    @Override
    protected TelemetryStore createStore() {
        return postgres.open().telemetry();
    }
}
