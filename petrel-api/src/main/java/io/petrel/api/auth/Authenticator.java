package io.petrel.api.auth;

import java.util.concurrent.CompletionStage;

/**
 * Decides whether a CONNECT is let in, and as whom. Implementations that do slow work (hashing, network
 * calls) complete the stage from another thread: the broker never blocks an event loop on it.
 */
@FunctionalInterface
public interface Authenticator {
    /** Authenticates one connection attempt. */
    CompletionStage<AuthResult> authenticate(ConnectAttempt attempt);
}
