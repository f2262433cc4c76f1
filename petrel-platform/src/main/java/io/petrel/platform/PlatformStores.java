package io.petrel.platform;

import io.petrel.api.store.platform.AttributeStore;
import io.petrel.api.store.platform.RegistryStore;
import io.petrel.api.store.platform.TelemetryStore;
import io.petrel.platform.memory.InMemoryAttributeStore;
import io.petrel.platform.memory.InMemoryRegistryStore;
import io.petrel.platform.memory.InMemoryTelemetryStore;

/**
 * Where the platform keeps its data.
 *
 * @param registry organizations, profiles, devices and credentials
 * @param attributes attributes
 * @param telemetry time series
 */
public record PlatformStores(RegistryStore registry, AttributeStore attributes, TelemetryStore telemetry) {

    /** Stores that live in memory only. */
    public static PlatformStores inMemory() {
        return new PlatformStores(new InMemoryRegistryStore(), new InMemoryAttributeStore(),
                new InMemoryTelemetryStore());
    }
}
