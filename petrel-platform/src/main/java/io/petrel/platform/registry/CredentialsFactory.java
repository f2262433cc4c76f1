package io.petrel.platform.registry;

import io.petrel.api.store.platform.CredentialsType;
import io.petrel.api.store.platform.DeviceCredentials;
import io.petrel.platform.Result;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Checks requested credentials against the shapes of device-api.md §1.2 and builds what is stored. */
public final class CredentialsFactory {
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int TOKEN_LENGTH = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private CredentialsFactory() {
    }

    /** A random 20-character alphanumeric string, for access tokens and generated device names. */
    public static String randomToken() {
        StringBuilder token = new StringBuilder(TOKEN_LENGTH);
        for (int i = 0; i < TOKEN_LENGTH; i++) {
            token.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        return token.toString();
    }

    /** The credentials to store for a device, or what is wrong with the request. */
    public static Result<DeviceCredentials> build(UUID deviceId, CredentialsSpec spec) {
        return switch (spec) {
            case CredentialsSpec.AccessToken token -> accessToken(deviceId, token.token());
            case CredentialsSpec.MqttBasic basic -> basic(deviceId, basic);
            case CredentialsSpec.X509 cert -> certificate(deviceId, cert.fingerprint());
        };
    }

    private static Result<DeviceCredentials> accessToken(UUID deviceId, String token) {
        if (token.isEmpty()) {
            return Result.fail("an access token must not be empty");
        }
        return Result.ok(new DeviceCredentials(deviceId, CredentialsType.ACCESS_TOKEN,
                CredentialKeys.userName(token), token));
    }

    private static Result<DeviceCredentials> basic(UUID deviceId, CredentialsSpec.MqttBasic basic) {
        String clientId = emptyToNull(basic.clientId());
        String userName = emptyToNull(basic.userName());
        String password = emptyToNull(basic.password());
        if (clientId == null && userName == null) {
            return Result.fail("MQTT basic credentials need a client id, a user name, or both");
        }
        if (userName == null && password != null) {
            return Result.fail("MQTT basic credentials with a client id only cannot have a password");
        }
        String key = userName == null ? CredentialKeys.clientId(clientId)
                : clientId == null ? CredentialKeys.userName(userName)
                : CredentialKeys.pair(clientId, userName);
        String hash = password == null ? null : PasswordHasher.hash(password);
        return Result.ok(new DeviceCredentials(deviceId, CredentialsType.MQTT_BASIC, key,
                new MqttBasicValue(clientId, userName, hash).toJson()));
    }

    private static Result<DeviceCredentials> certificate(UUID deviceId, String fingerprint) {
        String normalized = fingerprint.toLowerCase(Locale.ROOT);
        if (!normalized.matches("[0-9a-f]{64}")) {
            return Result.fail("a certificate fingerprint is 64 hex digits (SHA-256 of the DER certificate)");
        }
        return Result.ok(new DeviceCredentials(deviceId, CredentialsType.X509_CERTIFICATE,
                CredentialKeys.certificate(normalized), normalized));
    }

    private static @Nullable String emptyToNull(@Nullable String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
