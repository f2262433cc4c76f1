package io.petrel.platform.registry;

import java.util.UUID;

/** Told when a device's live sessions must end: the device was deleted or its credentials changed. */
@FunctionalInterface
public interface RegistryListener {
    /**
     * A device was deleted, or its credentials were replaced.
     *
     * @param deviceId the device
     * @param deleted whether the device no longer exists
     */
    void deviceInvalidated(UUID deviceId, boolean deleted);
}
