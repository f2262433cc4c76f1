package io.petrel.engine.session;

/**
 * Limits every session shares.
 *
 * @param maxInflight the most QoS 1 and 2 messages sent to one client and not yet acknowledged; the client's
 *     receive maximum lowers it further
 * @param maxQueued the most messages queued for one session, online or offline
 * @param queueQos0Offline whether QoS 0 messages are queued for disconnected persistent sessions
 * @param maxSessionExpirySeconds the longest session expiry granted; {@link #NEVER_EXPIRE} grants any
 */
public record SessionConfig(int maxInflight, int maxQueued, boolean queueQos0Offline, long maxSessionExpirySeconds) {
    /** The session expiry interval that means the session never expires. */
    public static final long NEVER_EXPIRE = 0xFFFF_FFFFL;

    /** Defaults: 100 in flight, 1,000 queued, no offline QoS 0, no expiry cap. */
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
    }
}
