package io.petrel.security.limit;

import io.petrel.api.ClientInfo;
import io.petrel.api.Principal;
import io.petrel.api.auth.AuthResult;
import io.petrel.api.limit.ClientLimits;
import io.petrel.api.limit.PublishQuota;
import io.petrel.security.SecurityMetrics;
import java.time.InstantSource;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's {@link ClientLimits}: connection counts (global, per organization, per identity) and publish
 * rates. Each refusal is counted, and logged at most once per limit per minute, so a flood does not flood the
 * log as well.
 */
public final class SecurityLimits implements ClientLimits {
    private static final Logger LOG = LoggerFactory.getLogger(SecurityLimits.class);
    private static final String GLOBAL = "*";

    private final LimitsConfig config;
    private final InstantSource clock;
    private final SecurityMetrics metrics;
    private final ConnectionCounts global = new ConnectionCounts();
    private final ConnectionCounts organizations = new ConnectionCounts();
    private final ConnectionCounts users = new ConnectionCounts();
    private final RateLimitedLog refusalLog;

    public SecurityLimits(LimitsConfig config, InstantSource clock, SecurityMetrics metrics) {
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
        this.refusalLog = new RateLimitedLog(LOG, clock, 60_000);
        metrics.gauge("connections", () -> global.get(GLOBAL));
    }

    @Override
    public AuthResult.@Nullable Refusal admit(ClientInfo client) {
        Principal principal = client.principal();
        String organization = principal.organization();
        String user = organization + "/" + principal.name();
        if (!global.tryTake(GLOBAL, config.maxConnections())) {
            return refuse("max_connections", "the broker's connection limit " + config.maxConnections());
        }
        if (!organizations.tryTake(organization, config.maxConnectionsPerOrganization())) {
            global.release(GLOBAL);
            return refuse("max_connections_per_organization", "organization " + organization
                    + "'s connection limit " + config.maxConnectionsPerOrganization());
        }
        if (!users.tryTake(user, config.maxConnectionsPerUser())) {
            organizations.release(organization);
            global.release(GLOBAL);
            return refuse("max_connections_per_user", principal.name() + "'s connection limit "
                    + config.maxConnectionsPerUser());
        }
        return null;
    }

    private AuthResult.Refusal refuse(String limit, String what) {
        metrics.count("refused_" + limit);
        refusalLog.warn(limit, "Refusing connections: {} is reached", what);
        return AuthResult.Refusal.QUOTA_EXCEEDED;
    }

    @Override
    public void release(ClientInfo client) {
        Principal principal = client.principal();
        users.release(principal.organization() + "/" + principal.name());
        organizations.release(principal.organization());
        global.release(GLOBAL);
    }

    @Override
    public PublishQuota publishQuota(ClientInfo client) {
        if (config.publishMessagesPerSecond() == 0 && config.publishBytesPerSecond() == 0) {
            return PublishQuota.UNLIMITED;
        }
        BucketPublishQuota quota = new BucketPublishQuota(config.publishMessagesPerSecond(),
                config.publishBytesPerSecond(), clock);
        return new PublishQuota() {
            @Override
            public boolean tryAcquire(int payloadBytes) {
                if (quota.tryAcquire(payloadBytes)) {
                    return true;
                }
                metrics.count("publish_rate_exceeded");
                return false;
            }

            @Override
            public long acquireOrPause(int payloadBytes) {
                long wait = quota.acquireOrPause(payloadBytes);
                if (wait > 0) {
                    metrics.count("publish_rate_exceeded");
                }
                return wait;
            }
        };
    }

    @Override
    public QuotaAction quotaAction() {
        return config.quotaAction();
    }

    @Override
    public int maxSubscriptions() {
        return config.maxSubscriptions();
    }

    @Override
    public int maxTopicLength() {
        return config.maxTopicLength();
    }

    @Override
    public int maxTopicLevels() {
        return config.maxTopicLevels();
    }

    @Override
    public int maxRetainedPerOrganization() {
        return config.maxRetainedPerOrganization();
    }

    /** Live connections of each organization. */
    public Map<String, Integer> connectionsByOrganization() {
        return organizations.snapshot();
    }
}
