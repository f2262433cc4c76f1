package io.petrel.platform.registry;

import io.petrel.api.store.platform.Device;

/** Told when a device's live sessions must end: the device was deleted or its credentials changed. */
@FunctionalInterface
public interface RegistryListener {
    /**
     * A device was deleted, or its credentials were replaced.
     *
     * @param device the device as it was
     * @param deleted whether the device no longer exists
     */
    void deviceInvalidated(Device device, boolean deleted);
}
