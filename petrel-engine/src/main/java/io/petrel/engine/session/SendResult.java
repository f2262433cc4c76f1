package io.petrel.engine.session;

/** What became of a PUBLISH handed to a connection. */
public enum SendResult {
    /** Written to the connection. */
    SENT,
    /** Larger than the client's maximum packet size, so discarded unsent [MQTT-3.1.2-27] [MQTT-3.1.2-28]. */
    TOO_LARGE
}
