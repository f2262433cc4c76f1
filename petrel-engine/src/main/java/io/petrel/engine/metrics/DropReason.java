package io.petrel.engine.metrics;

/** Why a message was not delivered to a subscriber. Every drop is counted under one of these. */
public enum DropReason {
    /** The session's queue was full. */
    QUEUE_FULL,
    /** A QoS 0 message for a disconnected session, which does not queue QoS 0. */
    QOS0_OFFLINE,
    /**
     * A QoS 0 message for a connected client that is not reading fast enough: its backlog was full, or it
     * was shedding because publishers had waited for it for the slow-consumer timeout; or a QoS 0 message
     * from a publisher that was waiting for such clients and held all the packets it may hold.
     */
    SLOW_CONSUMER,
    /** The message expired before it could be sent [MQTT-3.3.2-5]. */
    EXPIRED,
    /** The message exceeded the client's maximum packet size [MQTT-3.1.2-28]. */
    TOO_LARGE,
    /** The session ended, or was cleaned, with the message still queued. */
    SESSION_ENDED
}
