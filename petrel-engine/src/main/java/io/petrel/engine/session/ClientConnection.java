package io.petrel.engine.session;

import io.petrel.engine.loop.Loop;

/**
 * A client's network connection, as the engine sees it. The transport implements it; every method except
 * {@link #loop()} is called on that loop.
 */
public interface ClientConnection {
    /** The loop that runs this connection, which owns its session while it is attached. */
    Loop loop();

    /** How many QoS 1 and 2 messages the client accepts unacknowledged: its receive maximum. */
    int receiveMaximum();

    /** Whether the connection can take more outbound bytes without buffering beyond its limit. */
    boolean isWritable();

    /**
     * Sends a PUBLISH. The transport applies what belongs to the wire: topic aliases, the client's maximum
     * packet size, the remaining expiry interval.
     *
     * @param packetId the packet id, or 0 for QoS 0
     * @param duplicate whether this is a redelivery (DUP flag)
     */
    SendResult sendPublish(Delivery delivery, int packetId, boolean duplicate);

    /**
     * Changes what the connection reads from its client, as flow control decides: see {@link Intake}. The
     * packets held meanwhile are processed, in order, once the intake is {@link Intake#OPEN} again.
     */
    void intake(Intake mode);

    /** Sends a PUBREL for an outbound QoS 2 message. */
    void sendPubRel(int packetId);

    /** Ends the connection from the server side for a reason. */
    void close(DisconnectCause cause);
}
