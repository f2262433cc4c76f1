package io.petrel.platform.registry;

import org.jspecify.annotations.Nullable;

/** Credentials as an operator or a provisioning device asks for them, before they are checked and stored. */
public sealed interface CredentialsSpec {

    /**
     * An access token, sent as the MQTT user name.
     *
     * @param token the token
     */
    record AccessToken(String token) implements CredentialsSpec {
    }

    /**
     * MQTT basic credentials (device-api.md §1.2). Allowed shapes: client id only (without password), user
     * name only (with or without password), or client id and user name (with or without password). Empty
     * strings count as absent.
     *
     * @param clientId the client id the device must connect with, or null
     * @param userName the user name, or null
     * @param password the password in clear, or null; it is stored hashed
     */
    record MqttBasic(@Nullable String clientId, @Nullable String userName, @Nullable String password)
            implements CredentialsSpec {
    }

    /**
     * An X.509 client certificate, known by its fingerprint.
     *
     * @param fingerprint the SHA-256 fingerprint of the DER-encoded certificate, as 64 hex digits: what the TLS
     *     listener reports as {@link io.petrel.api.auth.ClientCertificate#sha256Fingerprint()}
     */
    record X509(String fingerprint) implements CredentialsSpec {
    }
}
