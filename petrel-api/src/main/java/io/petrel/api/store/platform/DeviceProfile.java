package io.petrel.api.store.platform;

import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Settings shared by a kind of device. Each organization has a profile named {@code default}.
 *
 * @param id the profile's id
 * @param organization the organization that owns it
 * @param name the name, unique within the organization
 * @param payloadType the payload format of the {@code v2} topics that follow the profile
 * @param provisionStrategy whether and how devices may provision themselves with this profile
 * @param provisionKey the provisioning key, unique across organizations; null when provisioning is disabled
 * @param provisionSecret the provisioning secret; null when provisioning is disabled
 * @param createdAtMillis when the profile was created, in epoch milliseconds
 */
public record DeviceProfile(UUID id, String organization, String name, PayloadType payloadType,
        ProvisionStrategy provisionStrategy, @Nullable String provisionKey, @Nullable String provisionSecret,
        long createdAtMillis) {

    /** The name of the profile every organization has. */
    public static final String DEFAULT_NAME = "default";

    public DeviceProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(payloadType, "payloadType");
        Objects.requireNonNull(provisionStrategy, "provisionStrategy");
    }
}
