package io.petrel.platform;

import io.petrel.api.store.platform.Device;
import io.petrel.api.store.platform.PayloadType;
import java.util.Objects;
import java.util.UUID;

/**
 * What a live device session needs to know about its device, looked up once when the session opens.
 *
 * @param id the device's id
 * @param organization the organization it belongs to
 * @param name its name, which names its streaming topics
 * @param gateway whether it is a gateway
 * @param payloadType its profile's payload format for the {@code v2} topics that follow the profile
 */
public record DeviceRef(UUID id, String organization, String name, boolean gateway, PayloadType payloadType) {
    public DeviceRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(payloadType, "payloadType");
    }

    public static DeviceRef of(Device device, PayloadType payloadType) {
        return new DeviceRef(device.id(), device.organization(), device.name(), device.gateway(), payloadType);
    }
}
