package io.petrel.api.store.platform;

import java.util.Objects;
import java.util.UUID;

/**
 * A registered device.
 *
 * @param id the device's id
 * @param organization the organization that owns it
 * @param name the name, unique within the organization; it names the device's streaming topics
 * @param type a free label, by default the profile's name
 * @param profileId the device's profile
 * @param gateway whether the device is a gateway that may speak for child devices
 * @param additionalInfo a JSON object of further settings, as text ({@code {}} when there are none)
 * @param createdAtMillis when the device was created, in epoch milliseconds
 */
public record Device(UUID id, String organization, String name, String type, UUID profileId, boolean gateway,
        String additionalInfo, long createdAtMillis) {

    public Device {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(profileId, "profileId");
        Objects.requireNonNull(additionalInfo, "additionalInfo");
    }
}
