package io.petrel.platform.api;

/**
 * The way back to one device session, which the protocol layer implements. Every method may be called from
 * any thread and returns at once; the protocol layer carries the work out on the session's own thread.
 */
public interface Downlink {

    /**
     * Sends a PUBLISH with the next packet id of the session, and reports its delivery to the message's
     * listener.
     */
    void send(Outbound message);

    /**
     * Ends the session: an MQTT 5 client gets a DISCONNECT with the reason code, an MQTT 3 client loses its
     * connection. Messages sent before are written first.
     */
    void close(ReasonCode reason);

    /**
     * Stops or resumes reading the session's connection. The platform stops reading when a session has as
     * many publishes waiting for their decisions as it may have in flight, so that a slow store slows the
     * device down instead of filling memory.
     */
    void setReading(boolean reading);
}
