package io.petrel.api;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The device behind a session that logged in with device credentials, as the device platform serves it. The
 * device's name and organization are those of the {@link Principal} that carries this identity.
 *
 * @param deviceId the device's id, or null for a provision-only session, which is no device yet and may only
 *     ask to be provisioned
 * @param gateway whether the device is a gateway, which may also speak for child devices
 */
public record DeviceIdentity(@Nullable UUID deviceId, boolean gateway) {
    private static final DeviceIdentity PROVISION_ONLY = new DeviceIdentity(null, false);

    /** The identity of a registered device. */
    public static DeviceIdentity of(UUID deviceId, boolean gateway) {
        return new DeviceIdentity(deviceId, gateway);
    }

    /** The identity of a session that connected as {@code provision} to register a new device. */
    public static DeviceIdentity provisionOnly() {
        return PROVISION_ONLY;
    }

    /** Whether this is a provision-only session rather than a registered device. */
    public boolean isProvisionOnly() {
        return deviceId == null;
    }
}
