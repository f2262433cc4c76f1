package io.petrel.security.token;

import static io.petrel.security.Clients.attempt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.ECKey;
import io.petrel.api.Principal;
import io.petrel.api.auth.AuthResult;
import io.petrel.api.auth.TopicScope;
import io.petrel.security.AuthExecutor;
import io.petrel.security.TestClock;
import io.petrel.security.WatchedFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenAuthenticatorTest {
    @TempDir
    Path dir;

    private final TestClock clock = new TestClock();
    private final AuthExecutor executor = new AuthExecutor(1, 10);
    private TokenCodec codec;
    private WatchedFile<Revocations> revocations;
    private TokenAuthenticator authenticator;
    private OrgToken token;
    private String compact;

    @BeforeEach
    void setUp() throws Exception {
        ECKey key = TokenKey.loadOrGenerate(dir.resolve("keys/key.jwk"));
        codec = new TokenCodec(key);
        revocations = new WatchedFile<>(dir.resolve("revoked.txt"), Revocations::read);
        authenticator = new TokenAuthenticator(codec, revocations, executor, clock);
        token = new OrgToken("t-1", "dashboard", "acme",
                new TopicScope(List.of(), List.of("device/+/telemetry/#", "device/+/status")), false,
                clock.instant(), clock.instant().plus(Duration.ofDays(30)));
        compact = codec.sign(token);
    }

    @AfterEach
    void tearDown() {
        executor.close();
    }

    @Test
    void theTokenIsTheUserNameAndThePasswordMayBeAbsentEmptyOrTheTokenAgain() {
        for (String password : new String[] {null, "", compact}) {
            AuthResult result = authenticate(compact, password);
            assertThat(result).isInstanceOf(AuthResult.Accepted.class);
            Principal principal = ((AuthResult.Accepted) result).principal();
            assertThat(principal.organization()).isEqualTo("acme");
            assertThat(principal.name()).isEqualTo("dashboard");
            assertThat(principal.credentialId()).isEqualTo("t-1");
            assertThat(principal.expiresAtMillis()).isEqualTo(token.expiresAt().toEpochMilli());
            assertThat(principal.scope().subscribe()).containsExactly("device/+/telemetry/#", "device/+/status");
        }
    }

    @Test
    void anotherPasswordIsRefused() {
        assertThat(refusal(authenticate(compact, "guess"))).isEqualTo(AuthResult.Refusal.BAD_CREDENTIALS);
    }

    @Test
    void aTamperedOrForeignTokenIsRefused() throws Exception {
        String[] parts = compact.split("\\.");
        String otherClaims = codec.sign(new OrgToken("t-2", "x", "beta", token.scope(), true, token.issuedAt(),
                token.expiresAt())).split("\\.")[1];
        assertThat(refusal(authenticate(parts[0] + "." + otherClaims + "." + parts[2], null)))
                .isEqualTo(AuthResult.Refusal.BAD_CREDENTIALS);

        TokenCodec foreign = new TokenCodec(TokenKey.loadOrGenerate(dir.resolve("other.jwk")));
        assertThat(refusal(authenticate(foreign.sign(token), null))).isEqualTo(AuthResult.Refusal.BAD_CREDENTIALS);
    }

    @Test
    void anExpiredTokenIsNotAuthorizedEvenOnceRemembered() {
        assertThat(authenticate(compact, null)).isInstanceOf(AuthResult.Accepted.class);
        clock.advance(Duration.ofDays(30));
        assertThat(refusal(authenticate(compact, null))).isEqualTo(AuthResult.Refusal.NOT_AUTHORIZED);
    }

    @Test
    void aRevokedTokenIsNotAuthorizedOnceTheListIsReread() throws Exception {
        assertThat(authenticate(compact, null)).isInstanceOf(AuthResult.Accepted.class);
        Path file = revocations.path();
        assertThat(Revocations.revoke(file, "t-1", token.expiresAt(), Instant.now())).isTrue();
        assertThat(Files.readString(file)).contains("t-1 " + token.expiresAt().getEpochSecond());
        assertThat(revocations.reloadIfChanged()).isTrue();
        assertThat(refusal(authenticate(compact, null))).isEqualTo(AuthResult.Refusal.NOT_AUTHORIZED);
    }

    @Test
    void aPlainUserNameIsLeftToTheNextAuthenticator() {
        assertThat(authenticate("alice", "pw")).isSameAs(AuthResult.ABSTAIN);
        assertThat(authenticate(null, null)).isSameAs(AuthResult.ABSTAIN);
    }

    @Test
    void theKeyIsGeneratedOnceAndReused() throws Exception {
        Path file = dir.resolve("keys/key.jwk");
        assertThat(TokenKey.loadOrGenerate(file).getKeyID()).isEqualTo(codec.verify(compact) != null
                ? TokenKey.load(file).getKeyID() : "");
        assertThat(Files.getPosixFilePermissions(file)).hasSize(2);
        assertThatThrownBy(() -> TokenCodec.decode("not.a.token")).isInstanceOf(InvalidTokenException.class);
        assertThat(TokenCodec.decode(compact)).isEqualTo(token);
    }

    private AuthResult authenticate(String username, String password) {
        return authenticator.authenticate(attempt(username, password, "192.0.2.7")).toCompletableFuture().join();
    }

    private static AuthResult.Refusal refusal(AuthResult result) {
        assertThat(result).isInstanceOf(AuthResult.Refused.class);
        return ((AuthResult.Refused) result).reason();
    }
}
