package io.petrel.security.limit;

import static io.petrel.security.Clients.attempt;
import static org.assertj.core.api.Assertions.assertThat;

import io.petrel.api.Principal;
import io.petrel.api.auth.AuthResult;
import io.petrel.api.auth.Authenticator;
import io.petrel.security.SecurityMetrics;
import io.petrel.security.TestClock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConnectGuardTest {
    private final TestClock clock = new TestClock();
    private final SecurityMetrics metrics = new SecurityMetrics();
    private final AtomicInteger asked = new AtomicInteger();
    /** Accepts password "right" and refuses everything else. */
    private final Authenticator passwords = attempt -> {
        asked.incrementAndGet();
        boolean right = attempt.password() != null && new String(attempt.password()).equals("right");
        return CompletableFuture.completedFuture(right ? AuthResult.accept(new Principal("u", "default"))
                : AuthResult.refuse(AuthResult.Refusal.BAD_CREDENTIALS, "wrong"));
    };

    @Test
    void failedLoginsMakeTheAddressWaitLongerAndLonger() {
        ConnectGuard guard = new ConnectGuard(passwords,
                new ConnectGuardConfig(0, 3, Duration.ofSeconds(1), Duration.ofSeconds(4), true, 100), clock, metrics);

        for (int i = 0; i < 3; i++) {
            assertThat(reason(guard, "wrong", "203.0.113.9")).isEqualTo(AuthResult.Refusal.BAD_CREDENTIALS);
        }
        // Backing off: refused before the credentials are even checked, the right password included.
        int before = asked.get();
        assertThat(reason(guard, "right", "203.0.113.9")).isEqualTo(AuthResult.Refusal.RATE_LIMITED);
        assertThat(asked.get()).isEqualTo(before);
        // Other addresses are not affected.
        assertThat(guard.authenticate(attempt("u", "right", "203.0.113.10")).toCompletableFuture().join())
                .isInstanceOf(AuthResult.Accepted.class);

        clock.advance(Duration.ofMillis(1001));
        assertThat(reason(guard, "wrong", "203.0.113.9")).isEqualTo(AuthResult.Refusal.BAD_CREDENTIALS);
        clock.advance(Duration.ofMillis(1500));
        assertThat(reason(guard, "right", "203.0.113.9")).isEqualTo(AuthResult.Refusal.RATE_LIMITED);
        clock.advance(Duration.ofMillis(600));
        assertThat(reason(guard, "wrong", "203.0.113.9")).isEqualTo(AuthResult.Refusal.BAD_CREDENTIALS);
        // The wait doubled twice and is capped at 4 s.
        clock.advance(Duration.ofMillis(3900));
        assertThat(reason(guard, "right", "203.0.113.9")).isEqualTo(AuthResult.Refusal.RATE_LIMITED);
        clock.advance(Duration.ofMillis(200));
        assertThat(guard.authenticate(attempt("u", "right", "203.0.113.9")).toCompletableFuture().join())
                .isInstanceOf(AuthResult.Accepted.class);
        // Success clears the failures: the next failure does not start a wait.
        assertThat(reason(guard, "wrong", "203.0.113.9")).isEqualTo(AuthResult.Refusal.BAD_CREDENTIALS);
        assertThat(reason(guard, "wrong", "203.0.113.9")).isEqualTo(AuthResult.Refusal.BAD_CREDENTIALS);
        assertThat(metrics.get("connect_backoff_started")).isEqualTo(3);
        assertThat(metrics.get("connect_refused_backoff")).isEqualTo(3);
    }

    @Test
    void connectsPerAddressAreRateLimitedWithABurst() {
        ConnectGuard guard = new ConnectGuard(passwords,
                new ConnectGuardConfig(5, 0, Duration.ofSeconds(1), Duration.ofSeconds(1), true, 100), clock, metrics);

        for (int i = 0; i < 10; i++) {
            assertThat(guard.authenticate(attempt("u", "right", "198.51.100.1")).toCompletableFuture().join())
                    .isInstanceOf(AuthResult.Accepted.class);
        }
        assertThat(reason(guard, "right", "198.51.100.1")).isEqualTo(AuthResult.Refusal.RATE_LIMITED);
        clock.advance(Duration.ofMillis(200));
        assertThat(guard.authenticate(attempt("u", "right", "198.51.100.1")).toCompletableFuture().join())
                .isInstanceOf(AuthResult.Accepted.class);
        assertThat(metrics.get("connect_refused_rate")).isEqualTo(1);
    }

    @Test
    void loopbackIsExemptWhenConfigured() {
        ConnectGuard guard = new ConnectGuard(passwords,
                new ConnectGuardConfig(1, 1, Duration.ofMinutes(1), Duration.ofMinutes(1), true, 100), clock, metrics);
        for (int i = 0; i < 5; i++) {
            assertThat(reason(guard, "wrong", "127.0.0.1")).isEqualTo(AuthResult.Refusal.BAD_CREDENTIALS);
        }
    }

    @Test
    void ipv6AddressesOfOneSlash64ShareTheirState() {
        ConnectGuard guard = new ConnectGuard(passwords,
                new ConnectGuardConfig(0, 1, Duration.ofMinutes(1), Duration.ofMinutes(1), true, 100), clock, metrics);
        assertThat(reason(guard, "wrong", "2001:db8::1")).isEqualTo(AuthResult.Refusal.BAD_CREDENTIALS);
        assertThat(reason(guard, "right", "2001:db8::ffff")).isEqualTo(AuthResult.Refusal.RATE_LIMITED);
        assertThat(guard.authenticate(attempt("u", "right", "2001:db8:0:1::1")).toCompletableFuture().join())
                .isInstanceOf(AuthResult.Accepted.class);
    }

    private static AuthResult.Refusal reason(ConnectGuard guard, String password, String ip) {
        AuthResult result = guard.authenticate(attempt("u", password, ip)).toCompletableFuture().join();
        assertThat(result).isInstanceOf(AuthResult.Refused.class);
        return ((AuthResult.Refused) result).reason();
    }
}
