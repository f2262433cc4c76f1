package io.petrel.platform.auth;

import io.petrel.api.Principal;
import io.petrel.api.auth.AuthResult;
import io.petrel.api.auth.Authenticator;
import io.petrel.api.auth.ClientCertificate;
import io.petrel.api.auth.ConnectAttempt;
import io.petrel.api.store.platform.CredentialsType;
import io.petrel.api.store.platform.Device;
import io.petrel.api.store.platform.DeviceCredentials;
import io.petrel.api.store.platform.RegistryStore;
import io.petrel.platform.Result;
import io.petrel.platform.registry.CredentialKeys;
import io.petrel.platform.registry.MqttBasicValue;
import io.petrel.platform.registry.PasswordHasher;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * Logs devices in with their credentials (device-api.md §1.1, §1.2, §1.4). Lookups and password hashing run
 * on the given executor, never on an event loop.
 *
 * <p>As an {@link Authenticator} it abstains from credentials it does not know, so that the next member of
 * an authenticator chain decides. {@link #login} tells more: whether only a client id was looked up, which
 * the device API refuses with "client identifier not valid".
 */
public final class DeviceAuthenticator implements Authenticator {
    private final RegistryStore registry;
    private final Executor executor;

    public DeviceAuthenticator(RegistryStore registry, Executor executor) {
        this.registry = registry;
        this.executor = executor;
    }

    @Override
    public CompletionStage<AuthResult> authenticate(ConnectAttempt attempt) {
        return login(attempt).thenApply(login -> switch (login) {
            case DeviceLogin.Accepted accepted -> AuthResult.accept(accepted.principal());
            case DeviceLogin.Refused refused -> AuthResult.refuse(AuthResult.Refusal.BAD_CREDENTIALS, refused.reason());
            // Not a device's credentials: the next authenticator of the chain may know them.
            case DeviceLogin.Unknown unknown -> AuthResult.ABSTAIN;
            case DeviceLogin.Unavailable unavailable -> AuthResult.refuse(AuthResult.Refusal.SERVER_UNAVAILABLE,
                    "device registry unavailable");
        });
    }

    /** Matches a CONNECT's credentials against the registry. */
    public CompletionStage<DeviceLogin> login(ConnectAttempt attempt) {
        // [device-api.md §1.4] "provision" as user name or client id: a provision-only session, no lookup.
        if (Principal.PROVISION.equals(attempt.username()) || Principal.PROVISION.equals(attempt.clientId())) {
            return CompletableFuture.completedFuture(new DeviceLogin.Accepted(Principal.provisionOnly()));
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                ClientCertificate certificate = attempt.certificate();
                if (certificate != null) {
                    // [device-api.md §1.3] A verified client certificate of a device logs it in.
                    DeviceLogin byCertificate = byFingerprint(certificate.sha256Fingerprint());
                    if (!(byCertificate instanceof DeviceLogin.Unknown)) {
                        return byCertificate;
                    }
                }
                return match(attempt.clientId(), attempt.username(), attempt.password());
            } catch (RuntimeException e) {
                return new DeviceLogin.Unavailable(e);
            }
        }, executor);
    }

    private DeviceLogin byFingerprint(String fingerprint) {
        return accept(registry.findCredentialsByKey(CredentialKeys.certificate(fingerprint.toLowerCase(Locale.ROOT))));
    }

    /** The order of device-api.md §1.2. */
    DeviceLogin match(String clientId, @Nullable String username, byte @Nullable [] password) {
        if (username == null) {
            // 1. No user name: only a client-id-only basic credential can match.
            Optional<DeviceCredentials> byClientId = clientId.isEmpty() ? Optional.empty()
                    : registry.findCredentialsByKey(CredentialKeys.clientId(clientId));
            DeviceLogin login = accept(byClientId);
            return login instanceof DeviceLogin.Unknown ? new DeviceLogin.Unknown(true) : login;
        }
        // 2. A basic credential keyed by the (client id, user name) pair decides on its own.
        if (!clientId.isEmpty()) {
            Optional<DeviceCredentials> pair = registry.findCredentialsByKey(CredentialKeys.pair(clientId, username));
            if (pair.isPresent()) {
                return checkPassword(pair.get(), password);
            }
        }
        // 3. The user name as a key: an access token (password ignored) or a user-name-only basic credential.
        Optional<DeviceCredentials> byName = registry.findCredentialsByKey(CredentialKeys.userName(username));
        if (byName.isPresent() && byName.get().type() == CredentialsType.MQTT_BASIC) {
            return checkPassword(byName.get(), password);
        }
        return accept(byName);
    }

    private DeviceLogin checkPassword(DeviceCredentials credentials, byte @Nullable [] password) {
        Result<MqttBasicValue> basic = MqttBasicValue.fromJson(credentials.value());
        if (!basic.isOk()) {
            return new DeviceLogin.Unavailable(new IllegalStateException(basic.problem().message()));
        }
        String hash = basic.value().passwordHash();
        if (hash != null && (password == null || !PasswordHasher.matches(password, hash))) {
            return new DeviceLogin.Refused("wrong password");
        }
        return accept(Optional.of(credentials));
    }

    private DeviceLogin accept(Optional<DeviceCredentials> credentials) {
        if (credentials.isEmpty()) {
            return new DeviceLogin.Unknown(false);
        }
        Optional<Device> device = registry.findDevice(credentials.get().deviceId());
        if (device.isEmpty()) {
            return new DeviceLogin.Unknown(false);
        }
        Device found = device.get();
        return new DeviceLogin.Accepted(Principal.device(found.name(), found.organization(), found.id(), found.gateway()));
    }
}
