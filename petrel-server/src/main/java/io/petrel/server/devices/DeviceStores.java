package io.petrel.server.devices;

import io.petrel.platform.PlatformStores;
import java.nio.file.Path;

/**
 * The one place where the device platform's stores are chosen. They live in memory until the SQLite and
 * PostgreSQL platform stores are wired here: registry, attributes and telemetry then survive a restart.
 */
final class DeviceStores {
    private DeviceStores() {
    }

    /**
     * Opens the platform's stores.
     *
     * @param dataDir where an embedded database keeps its files
     */
    static PlatformStores open(DevicesConfig config, Path dataDir) {
        return PlatformStores.inMemory();
    }
}
