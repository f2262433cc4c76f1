package io.petrel.it.listener;

import io.petrel.api.Principal;
import io.petrel.api.auth.AuthResult;
import io.petrel.api.auth.Authenticator;
import io.petrel.api.auth.ConnectAttempt;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.awaitility.Awaitility;

/** Accepts everyone and remembers what each client id's CONNECT looked like to authentication. */
final class RecordingAuthenticator implements Authenticator {
    private final Map<String, ConnectAttempt> attempts = new ConcurrentHashMap<>();

    @Override
    public CompletableFuture<AuthResult> authenticate(ConnectAttempt attempt) {
        attempts.put(attempt.clientId(), attempt);
        return CompletableFuture.completedFuture(AuthResult.accept(Principal.ANONYMOUS));
    }

    /** The attempt of a client id, waiting for it to arrive. */
    ConnectAttempt attempt(String clientId) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> attempts.get(clientId),
                Objects::nonNull);
    }
}
