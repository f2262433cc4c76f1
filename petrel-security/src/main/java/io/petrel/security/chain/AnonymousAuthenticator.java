package io.petrel.security.chain;

import io.petrel.api.Principal;
import io.petrel.api.auth.AuthResult;
import io.petrel.api.auth.Authenticator;
import io.petrel.api.auth.ConnectAttempt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The end of the chain for CONNECTs without a user name or password: let in as {@link Principal#ANONYMOUS} on
 * the listeners that allow it, refused with "not authorized" elsewhere, as Mosquitto does.
 */
public final class AnonymousAuthenticator implements Authenticator {
    private static final CompletionStage<AuthResult> ACCEPT =
            CompletableFuture.completedFuture(AuthResult.accept(Principal.ANONYMOUS));
    private static final CompletionStage<AuthResult> REFUSE = CompletableFuture.completedFuture(
            AuthResult.refuse(AuthResult.Refusal.NOT_AUTHORIZED, "anonymous access is off on this listener"));

    private final Set<String> listeners;

    /** @param listeners the names of the listeners that allow anonymous clients */
    public AnonymousAuthenticator(Set<String> listeners) {
        this.listeners = Set.copyOf(listeners);
    }

    @Override
    public CompletionStage<AuthResult> authenticate(ConnectAttempt attempt) {
        if (!attempt.anonymous()) {
            return CompletableFuture.completedFuture(AuthResult.ABSTAIN);
        }
        return listeners.contains(attempt.listener()) ? ACCEPT : REFUSE;
    }
}
