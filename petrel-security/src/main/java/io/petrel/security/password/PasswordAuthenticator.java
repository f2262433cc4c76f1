package io.petrel.security.password;

import io.petrel.api.Principal;
import io.petrel.api.auth.AuthResult;
import io.petrel.api.auth.Authenticator;
import io.petrel.api.auth.ConnectAttempt;
import io.petrel.security.AuthExecutor;
import io.petrel.security.Organizations;
import io.petrel.security.WatchedFile;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * Users and passwords from a {@code mosquitto_passwd} file. It answers only CONNECTs that carry a user name;
 * the hash is checked on the {@link AuthExecutor}, never on an event loop. An unknown user costs as much as a
 * wrong password, so that timing does not tell which user names exist.
 */
public final class PasswordAuthenticator implements Authenticator {
    private static final PasswordHash DECOY = PasswordHash.create("decoy", PasswordHash.DEFAULT_ITERATIONS);

    private final WatchedFile<PasswordFile> file;
    private final Organizations organizations;
    private final AuthExecutor executor;

    public PasswordAuthenticator(WatchedFile<PasswordFile> file, Organizations organizations, AuthExecutor executor) {
        this.file = file;
        this.organizations = organizations;
        this.executor = executor;
    }

    @Override
    public CompletionStage<AuthResult> authenticate(ConnectAttempt attempt) {
        String user = attempt.username();
        if (user == null) {
            return CompletableFuture.completedFuture(AuthResult.ABSTAIN);
        }
        byte[] password = attempt.password();
        return executor.submit(() -> check(user, password));
    }

    private AuthResult check(String user, byte[] password) {
        Principal principal = verify(user, password);
        if (principal == null) {
            return AuthResult.refuse(AuthResult.Refusal.BAD_CREDENTIALS,
                    file.get().get(user) == null ? "unknown user " + user : "wrong password for " + user);
        }
        return AuthResult.accept(principal);
    }

    /**
     * The principal of a user whose password matches, or null. It takes as long for an unknown user as for a
     * known one, so that timing does not tell which users exist. Slow on purpose: call it off the event loops.
     */
    public @Nullable Principal verify(String user, byte @Nullable [] password) {
        PasswordHash hash = file.get().get(user);
        boolean matches = (hash != null ? hash : DECOY).matches(password != null ? password : new byte[0]);
        if (hash == null || !matches) {
            return null;
        }
        Principal principal = new Principal(user, organizations.ofUser(user));
        return organizations.isOperator(user) ? principal.asOperator() : principal;
    }
}
