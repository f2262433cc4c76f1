package io.petrel.platform.registry;

import io.petrel.api.store.platform.PayloadType;
import io.petrel.api.store.platform.ProvisionStrategy;
import org.jspecify.annotations.Nullable;

/**
 * A device profile to create.
 *
 * @param organization the organization that will own it
 * @param name its name, unique within the organization
 * @param payloadType the payload format of its devices' {@code v2} topics
 * @param provisionStrategy whether and how its devices may provision themselves
 * @param provisionKey the provisioning key, required unless provisioning is disabled
 * @param provisionSecret the provisioning secret, required unless provisioning is disabled
 */
public record NewProfile(String organization, String name, PayloadType payloadType,
        ProvisionStrategy provisionStrategy, @Nullable String provisionKey, @Nullable String provisionSecret) {

    /** A JSON profile without provisioning. */
    public static NewProfile plain(String organization, String name) {
        return new NewProfile(organization, name, PayloadType.JSON, ProvisionStrategy.DISABLED, null, null);
    }
}
