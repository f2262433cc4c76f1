package io.petrel.platform.registry;

import org.jspecify.annotations.Nullable;

/**
 * A device to create.
 *
 * @param organization the organization that will own it
 * @param name its name, unique within the organization
 * @param profileName its profile's name, or null for the organization's default profile
 * @param type its type label, or null for the profile's name
 * @param gateway whether it is a gateway
 * @param additionalInfo a JSON object of further settings as text, or null for none
 */
public record NewDevice(String organization, String name, @Nullable String profileName, @Nullable String type,
        boolean gateway, @Nullable String additionalInfo) {

    /** A plain device of the default profile. */
    public static NewDevice named(String organization, String name) {
        return new NewDevice(organization, name, null, null, false, null);
    }
}
