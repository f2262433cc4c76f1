package io.petrel.api.store.platform;

import java.util.Objects;
import java.util.UUID;

/**
 * The credentials of one device. A device has at most one set.
 *
 * <p>The lookup key is what a CONNECT is matched against, built by the platform from the credentials so that
 * kinds that must not collide share one key space (an access token and a user-name-only basic credential
 * do). It is unique across all organizations.
 *
 * @param deviceId the device
 * @param type the kind of credentials
 * @param lookupKey the unique key a CONNECT is matched against
 * @param value the kind's data as the platform encodes it: the token, the certificate fingerprint, or for
 *     {@link CredentialsType#MQTT_BASIC} a JSON object with the client id, user name and password hash
 */
public record DeviceCredentials(UUID deviceId, CredentialsType type, String lookupKey, String value) {
    public DeviceCredentials {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(lookupKey, "lookupKey");
        Objects.requireNonNull(value, "value");
    }
}
