package io.petrel.security.chain;

import io.petrel.api.auth.AuthResult;
import io.petrel.api.auth.Authenticator;
import io.petrel.api.auth.ConnectAttempt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A position in the chain that another module fills later, such as the device platform with device
 * credentials. Empty, it abstains.
 */
public final class AuthenticatorSlot implements Authenticator {
    private static final Authenticator EMPTY = attempt -> CompletableFuture.completedFuture(AuthResult.ABSTAIN);

    private volatile Authenticator delegate = EMPTY;

    /** Fills the slot, replacing what was there. */
    public void set(Authenticator authenticator) {
        this.delegate = authenticator;
    }

    /** Empties the slot. */
    public void clear() {
        this.delegate = EMPTY;
    }

    @Override
    public CompletionStage<AuthResult> authenticate(ConnectAttempt attempt) {
        return delegate.authenticate(attempt);
    }
}
