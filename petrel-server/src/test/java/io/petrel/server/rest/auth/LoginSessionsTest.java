package io.petrel.server.rest.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoginSessionsTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final InstantSource clock = () -> Instant.ofEpochMilli(now.get());
    private final LoginSessions sessions = new LoginSessions(Duration.ofMinutes(10), clock);
    private final Caller admin = new Caller("admin", Caller.Kind.ADMIN, null);

    @Test
    void aTokenWorksUntilItExpiresOrEnds() {
        LoginSessions.Issued issued = sessions.start(admin);
        assertThat(issued.token()).startsWith(LoginSessions.PREFIX).hasSizeGreaterThan(40);
        assertThat(issued.expiresAtMillis()).isEqualTo(now.get() + 600_000);
        assertThat(sessions.find(issued.token())).contains(admin);
        now.addAndGet(599_999);
        assertThat(sessions.find(issued.token())).contains(admin);
        now.addAndGet(1);
        assertThat(sessions.find(issued.token())).isEmpty();
        assertThat(sessions.size()).as("an expired session is dropped when met").isZero();

        LoginSessions.Issued second = sessions.start(admin);
        assertThat(sessions.end(second.token())).isTrue();
        assertThat(sessions.find(second.token())).isEmpty();
        assertThat(sessions.end(second.token())).isFalse();
    }

    @Test
    void tokensAreRandomAndOnlyTheirHashesAreKept() {
        String first = sessions.start(admin).token();
        String second = sessions.start(admin).token();
        assertThat(first).isNotEqualTo(second);
        assertThat(LoginSessions.hash(first)).hasSize(64).isNotEqualTo(first);
        assertThat(sessions.find(first.substring(0, first.length() - 1))).isEmpty();
    }
}
