package io.petrel.server.devices;

import io.petrel.api.auth.AuthResult;
import io.petrel.api.auth.Authenticator;
import io.petrel.api.auth.ConnectAttempt;
import io.petrel.platform.auth.DeviceAuthenticator;
import io.petrel.platform.auth.DeviceLogin;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;

/**
 * The device platform in the authenticator chain's device slot. Device credentials log a device in; unknown
 * ones pass on to the next authenticator. A CONNECT without a user name whose client id no device has
 * (device-api.md §1.2, step 1) is refused with "client identifier not valid" (MQTT 5 0x85, MQTT 3 return code
 * 2, §1.5) where anonymous access is off, since nothing else in the chain could take it; where it is on, the
 * client connects anonymously like any other. A client that presented a certificate offered that, not its client
 * id, as its credential: it is left to the rest of the chain.
 */
final class DeviceLogins implements Authenticator {
    private final DeviceAuthenticator devices;
    private final Set<String> anonymousListeners;

    /**
     * @param devices the platform's authenticator
     * @param anonymousListeners the listeners that let clients in without credentials
     */
    DeviceLogins(DeviceAuthenticator devices, Set<String> anonymousListeners) {
        this.devices = devices;
        this.anonymousListeners = Set.copyOf(anonymousListeners);
    }

    @Override
    public CompletionStage<AuthResult> authenticate(ConnectAttempt attempt) {
        CompletionStage<DeviceLogin> login;
        try {
            login = devices.login(attempt);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(
                    AuthResult.refuse(AuthResult.Refusal.SERVER_UNAVAILABLE, "device platform queue full"));
        }
        return login.thenApply(result -> switch (result) {
            case DeviceLogin.Accepted accepted -> AuthResult.accept(accepted.principal());
            case DeviceLogin.Refused refused -> AuthResult.refuse(AuthResult.Refusal.BAD_CREDENTIALS,
                    "device credentials: " + refused.reason());
            case DeviceLogin.Unknown unknown when unknown.identifierRejected() && attempt.certificate() == null
                    && !anonymousListeners.contains(attempt.listener()) -> AuthResult.refuse(
                            AuthResult.Refusal.IDENTIFIER_REJECTED, "no user name, and no device has this client id");
            case DeviceLogin.Unknown unknown -> AuthResult.ABSTAIN;
            case DeviceLogin.Unavailable unavailable -> AuthResult.refuse(AuthResult.Refusal.SERVER_UNAVAILABLE,
                    "device registry unavailable: " + unavailable.failure());
        });
    }
}
