package io.petrel.platform;

import io.petrel.platform.kv.KvConfig;
import org.jspecify.annotations.Nullable;

/**
 * The device platform's settings, with the defaults of device-api.md.
 *
 * @param maxPayloadSize the inbound payload limit, reported as {@code maxPayloadSize} (§0, §10.1)
 * @param maxInflightMessages publishes a session may have awaiting their decisions before the platform stops
 *     reading its connection, reported as {@code maxInflightMessages} (§10.1)
 * @param rateLimits the limits reported to devices by {@code getSessionLimits} (§10.1)
 * @param maxSessionsPerDevice live sessions per device; a new one closes the oldest beyond it (§2.1)
 * @param clientRpcTimeoutMillis how long a client RPC waits for its handler before {@code {"error":"timeout"}}
 * @param rpcTransportTimeoutMillis how long a QoS 1 server RPC waits for its PUBACK (§9)
 * @param rpcDefaultTimeoutMillis the server RPC timeout when the caller gives none (§9)
 * @param rpcMinTimeoutMillis the shortest server RPC timeout; shorter ones are raised to it (§9)
 * @param inactivityTimeoutMillis how long a device may be silent before it is inactive, unless its server
 *     attribute {@code inactivityTimeout} says otherwise (§2.3)
 * @param sessionInactivityTimeoutMillis how long a session may be silent before it is closed (§2.3)
 * @param activityReportIntervalMillis the least time between two stored {@code lastActivityTime} (§2.3)
 * @param activityCheckIntervalMillis how often inactivity is checked (§2.3)
 * @param provisionSessionLingerMillis how long a provision-only session stays open after its answer (§12)
 * @param kv value typing
 */
public record PlatformConfig(int maxPayloadSize, int maxInflightMessages, RateLimits rateLimits,
        int maxSessionsPerDevice, long clientRpcTimeoutMillis, long rpcTransportTimeoutMillis,
        long rpcDefaultTimeoutMillis, long rpcMinTimeoutMillis, long inactivityTimeoutMillis,
        long sessionInactivityTimeoutMillis, long activityReportIntervalMillis, long activityCheckIntervalMillis,
        long provisionSessionLingerMillis, KvConfig kv) {

    /** The defaults of device-api.md. */
    public static final PlatformConfig DEFAULTS = new PlatformConfig(65_536, 100, RateLimits.DEFAULTS, 1, 60_000,
            10_000, 10_000, 5_000, 600_000, 600_000, 5_000, 60_000, 60_000, KvConfig.DEFAULT);

    /**
     * Rate limits as devices are told them: {@code capacity:seconds} pairs joined by commas; null or empty
     * for no limit.
     *
     * @param messages all messages
     * @param telemetryMessages telemetry messages
     * @param telemetryDataPoints telemetry key-values
     */
    public record RateLimits(@Nullable String messages, @Nullable String telemetryMessages,
            @Nullable String telemetryDataPoints) {
        /** The limits of device-api.md §10.1. */
        public static final RateLimits DEFAULTS = new RateLimits("200:1,6000:60", "100:1,3000:60", "200:1,6000:60");
    }

    /** These settings with another limit of live sessions per device. */
    public PlatformConfig withMaxSessionsPerDevice(int sessions) {
        return new PlatformConfig(maxPayloadSize, maxInflightMessages, rateLimits, sessions, clientRpcTimeoutMillis,
                rpcTransportTimeoutMillis, rpcDefaultTimeoutMillis, rpcMinTimeoutMillis, inactivityTimeoutMillis,
                sessionInactivityTimeoutMillis, activityReportIntervalMillis, activityCheckIntervalMillis,
                provisionSessionLingerMillis, kv);
    }
}
