package io.petrel.engine.session;

/**
 * Limits every session shares.
 *
 * @param maxInflight the most QoS 1 and 2 messages sent to one client and not yet acknowledged; the client's
 *     receive maximum lowers it further
 * @param maxQueued the most messages routed to one session and not yet sent, online or offline: in transit,
 *     queued in memory or waiting in the store. Publishers wait once half of it is reached (see
 *     {@link Backlog}), and QoS 0 messages that cannot wait are shed at that half
 * @param queueQos0Offline whether QoS 0 messages are queued for disconnected persistent sessions
 * @param maxSessionExpirySeconds the longest session expiry granted; {@link #NEVER_EXPIRE} grants any
 * @param slowConsumerMillis how long publishers wait for a connected subscriber to drain to a quarter of its
 *     queue bound; after it, the subscriber sheds what exceeds its queue instead of holding publishers back
 */
public record SessionConfig(int maxInflight, int maxQueued, boolean queueQos0Offline, long maxSessionExpirySeconds,
        long slowConsumerMillis) {
    /** The session expiry interval that means the session never expires. */
    public static final long NEVER_EXPIRE = 0xFFFF_FFFFL;
    /** How long publishers wait for a subscriber to drain, unless configured otherwise. */
    public static final long DEFAULT_SLOW_CONSUMER_MILLIS = 10_000;

    /** Defaults: 100 in flight, 1,000 queued, no offline QoS 0, no expiry cap, 10 s for a slow consumer. */
    public static SessionConfig defaults() {
        return new SessionConfig(100, 1000, false, NEVER_EXPIRE);
    }

    public SessionConfig {
        if (maxInflight < 1 || maxInflight > 65_535) {
            throw new IllegalArgumentException("maxInflight must be 1 to 65535: " + maxInflight);
        }
        if (maxQueued < 0) {
            throw new IllegalArgumentException("maxQueued must not be negative: " + maxQueued);
        }
        if (maxSessionExpirySeconds < 0 || maxSessionExpirySeconds > NEVER_EXPIRE) {
            throw new IllegalArgumentException("maxSessionExpirySeconds out of range: " + maxSessionExpirySeconds);
        }
        if (slowConsumerMillis < 1) {
            throw new IllegalArgumentException("slowConsumerMillis must be positive: " + slowConsumerMillis);
        }
    }

    /** Limits with the default slow-consumer timeout. */
    public SessionConfig(int maxInflight, int maxQueued, boolean queueQos0Offline, long maxSessionExpirySeconds) {
        this(maxInflight, maxQueued, queueQos0Offline, maxSessionExpirySeconds, DEFAULT_SLOW_CONSUMER_MILLIS);
    }

    /**
     * The backlog at which publishers start to wait for a connected session: half the queue, so that the
     * messages publishers route before they notice fit in the other half.
     */
    public int highWater() {
        return Math.max(1, maxQueued / 2);
    }

    /** The backlog below which waiting publishers go on: a quarter of the queue. */
    public int lowWater() {
        return Math.max(1, highWater() / 2);
    }
}
