package io.petrel.platform.telemetry;

import io.petrel.api.store.platform.Device;
import io.petrel.api.store.platform.Organization;
import io.petrel.api.store.platform.RegistryStore;
import io.petrel.api.store.platform.TelemetryStore;
import java.util.List;

/**
 * Deletes telemetry older than each organization's retention. Latest values stay, so a device's last reading
 * is known however long ago it was sent. It pages through devices, so a sweep's memory does not grow with
 * the number of devices.
 */
public final class RetentionSweeper {
    private static final int PAGE = 500;

    private final RegistryStore registry;
    private final TelemetryStore telemetry;

    public RetentionSweeper(RegistryStore registry, TelemetryStore telemetry) {
        this.registry = registry;
        this.telemetry = telemetry;
    }

    /** Deletes what has expired at a time, and returns how many points were deleted. */
    public long sweep(long nowMillis) {
        long deleted = 0;
        for (Organization organization : registry.listOrganizations()) {
            if (organization.telemetryTtlMillis() <= 0) {
                continue;
            }
            long cutoff = nowMillis - organization.telemetryTtlMillis();
            String after = null;
            List<Device> page;
            do {
                page = registry.listDevices(organization.id(), after, PAGE);
                for (Device device : page) {
                    deleted += telemetry.deleteBefore(device.id(), cutoff);
                }
                after = page.isEmpty() ? after : page.get(page.size() - 1).name();
            } while (page.size() == PAGE);
        }
        return deleted;
    }
}
