package io.petrel.security.limit;

import static io.petrel.security.Clients.client;
import static org.assertj.core.api.Assertions.assertThat;

import io.petrel.api.ClientInfo;
import io.petrel.api.Principal;
import io.petrel.api.auth.AuthResult;
import io.petrel.api.limit.ClientLimits;
import io.petrel.api.limit.PublishQuota;
import io.petrel.security.SecurityMetrics;
import io.petrel.security.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SecurityLimitsTest {
    private final TestClock clock = new TestClock();
    private final SecurityMetrics metrics = new SecurityMetrics();

    @Test
    void connectionsAreLimitedPerUserPerOrganizationAndOverall() {
        SecurityLimits limits = new SecurityLimits(
                new LimitsConfig(4, 3, 2, 0, 0, ClientLimits.QuotaAction.REFUSE, 0, 0, 0, 0), clock, metrics);
        ClientInfo alice1 = client("a1", "alice", new Principal("alice", "acme"));
        ClientInfo alice2 = client("a2", "alice", new Principal("alice", "acme"));
        ClientInfo alice3 = client("a3", "alice", new Principal("alice", "acme"));
        ClientInfo bob = client("b1", "bob", new Principal("bob", "acme"));
        ClientInfo carol = client("c1", "carol", new Principal("carol", "acme"));
        ClientInfo other = client("o1", "dave", new Principal("dave", "beta"));

        assertThat(limits.admit(alice1)).isNull();
        assertThat(limits.admit(alice2)).isNull();
        assertThat(limits.admit(alice3)).isEqualTo(AuthResult.Refusal.QUOTA_EXCEEDED);
        assertThat(limits.admit(bob)).isNull();
        assertThat(limits.admit(carol)).isEqualTo(AuthResult.Refusal.QUOTA_EXCEEDED);
        assertThat(limits.admit(other)).isNull();
        assertThat(limits.admit(client("o2", "erin", new Principal("erin", "beta"))))
                .isEqualTo(AuthResult.Refusal.QUOTA_EXCEEDED);
        assertThat(metrics.get("refused_max_connections_per_user")).isEqualTo(1);
        assertThat(metrics.get("refused_max_connections_per_organization")).isEqualTo(1);
        assertThat(metrics.get("refused_max_connections")).isEqualTo(1);
        assertThat(limits.connectionsByOrganization()).containsEntry("acme", 3).containsEntry("beta", 1);

        limits.release(alice1);
        assertThat(limits.admit(carol)).isNull();
        assertThat(metrics.gauges()).containsEntry("connections", 4L);
    }

    @Test
    void publishRateIsLimitedInMessagesAndBytes() {
        SecurityLimits limits = new SecurityLimits(
                new LimitsConfig(0, 0, 0, 3, 1000, ClientLimits.QuotaAction.REFUSE, 0, 0, 0, 0), clock, metrics);
        PublishQuota quota = limits.publishQuota(client("p", "u", new Principal("u", "default")));

        assertThat(quota.tryAcquire(10)).isTrue();
        assertThat(quota.tryAcquire(10)).isTrue();
        assertThat(quota.tryAcquire(10)).isTrue();
        assertThat(quota.tryAcquire(10)).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(quota.tryAcquire(900)).isTrue();
        assertThat(quota.tryAcquire(200)).isFalse();
        // The refused message gave its message token back: two small ones still fit.
        assertThat(quota.tryAcquire(50)).isTrue();
        assertThat(quota.tryAcquire(50)).isTrue();
        assertThat(metrics.get("publish_rate_exceeded")).isEqualTo(2);
        // A message larger than a second of bytes still passes on a full bucket.
        clock.advance(Duration.ofSeconds(1));
        assertThat(quota.tryAcquire(5000)).isTrue();
    }

    @Test
    void throttlingTakesTheMessageAndSaysHowLongToPause() {
        SecurityLimits limits = new SecurityLimits(
                new LimitsConfig(0, 0, 0, 10, 0, ClientLimits.QuotaAction.THROTTLE, 0, 0, 0, 0), clock, metrics);
        PublishQuota quota = limits.publishQuota(client("p", "u", new Principal("u", "default")));

        for (int i = 0; i < 10; i++) {
            assertThat(quota.acquireOrPause(1)).isZero();
        }
        // One message over: in debt by one token, which a rate of 10/s pays back in 100 ms.
        assertThat(quota.acquireOrPause(1)).isEqualTo(Duration.ofMillis(100).toNanos());
        assertThat(quota.acquireOrPause(1)).isEqualTo(Duration.ofMillis(200).toNanos());
        clock.advance(Duration.ofMillis(300));
        assertThat(quota.acquireOrPause(1)).isZero();
        assertThat(metrics.get("publish_rate_exceeded")).isEqualTo(2);
    }

    @Test
    void withoutRatesTheQuotaIsUnlimited() {
        SecurityLimits limits = new SecurityLimits(LimitsConfig.none(), clock, metrics);
        assertThat(limits.publishQuota(client("p", null, Principal.ANONYMOUS))).isSameAs(PublishQuota.UNLIMITED);
    }
}
