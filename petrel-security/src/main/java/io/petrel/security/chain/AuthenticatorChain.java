package io.petrel.security.chain;

import io.petrel.api.auth.AuthResult;
import io.petrel.api.auth.Authenticator;
import io.petrel.api.auth.ConnectAttempt;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Asks authenticators in order until one accepts or refuses; one that abstains passes the attempt on. When
 * every one abstains, the chain abstains too, which the broker treats as bad credentials. The order is the
 * order of specificity: org tokens, client certificates, device credentials, password users, anonymous.
 */
public final class AuthenticatorChain implements Authenticator {
    private final List<Authenticator> links;

    public AuthenticatorChain(List<Authenticator> links) {
        this.links = List.copyOf(links);
    }

    @Override
    public CompletionStage<AuthResult> authenticate(ConnectAttempt attempt) {
        return ask(0, attempt);
    }

    private CompletionStage<AuthResult> ask(int index, ConnectAttempt attempt) {
        if (index == links.size()) {
            return CompletableFuture.completedFuture(AuthResult.ABSTAIN);
        }
        return links.get(index).authenticate(attempt).thenCompose(result ->
                result instanceof AuthResult.Abstained ? ask(index + 1, attempt)
                        : CompletableFuture.completedFuture(result));
    }
}
