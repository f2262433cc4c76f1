package io.petrel.security.token;

import io.petrel.api.auth.AuthResult;
import io.petrel.api.auth.Authenticator;
import io.petrel.api.auth.ConnectAttempt;
import io.petrel.security.AuthExecutor;
import io.petrel.security.WatchedFile;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Org tokens sent as the MQTT user name. The password may be absent, empty, or the token again: streaming
 * clients in the field do all three; any other password is refused. Expired and revoked tokens are refused
 * with "not authorized".
 *
 * <p>The signature is checked once per distinct token on the {@link AuthExecutor}; tokens that verified are
 * remembered (bounded), so that a fleet of apps reconnecting with the same token costs no signature check and
 * no thread hop. Expiry and revocation are checked on every connect, cached or not.
 */
public final class TokenAuthenticator implements Authenticator {
    private static final int MAX_REMEMBERED = 10_000;
    private final TokenCodec codec;
    private final WatchedFile<Revocations> revocations;
    private final AuthExecutor executor;
    private final InstantSource clock;
    private final ConcurrentHashMap<String, OrgToken> verified = new ConcurrentHashMap<>();

    public TokenAuthenticator(TokenCodec codec, WatchedFile<Revocations> revocations, AuthExecutor executor,
            InstantSource clock) {
        this.codec = codec;
        this.revocations = revocations;
        this.executor = executor;
        this.clock = clock;
    }

    @Override
    public CompletionStage<AuthResult> authenticate(ConnectAttempt attempt) {
        String username = attempt.username();
        if (username == null || !TokenCodec.looksLikeToken(username)) {
            return CompletableFuture.completedFuture(AuthResult.ABSTAIN);
        }
        byte[] password = attempt.password();
        if (password != null && password.length > 0
                && !Arrays.equals(password, username.getBytes(StandardCharsets.UTF_8))) {
            return CompletableFuture.completedFuture(AuthResult.refuse(AuthResult.Refusal.BAD_CREDENTIALS,
                    "an org token's password must be empty or the token"));
        }
        OrgToken known = verified.get(username);
        if (known != null) {
            return CompletableFuture.completedFuture(admit(known));
        }
        return executor.submit(() -> check(username));
    }

    private AuthResult check(String compact) {
        OrgToken token;
        try {
            token = codec.verify(compact);
        } catch (InvalidTokenException e) {
            return AuthResult.refuse(AuthResult.Refusal.BAD_CREDENTIALS, "invalid org token: " + e.getMessage());
        }
        if (verified.size() >= MAX_REMEMBERED) {
            // Crude but bounded: forget everything rather than track recency on the connect path.
            verified.clear();
        }
        verified.put(compact, token);
        return admit(token);
    }

    private AuthResult admit(OrgToken token) {
        if (!token.expiresAt().isAfter(clock.instant())) {
            return AuthResult.refuse(AuthResult.Refusal.NOT_AUTHORIZED, "org token " + token.id() + " expired");
        }
        if (revocations.get().isRevoked(token.id())) {
            return AuthResult.refuse(AuthResult.Refusal.NOT_AUTHORIZED, "org token " + token.id() + " revoked");
        }
        return AuthResult.accept(token.principal());
    }
}
