package io.petrel.engine.session;

/**
 * What a connection may read from its client, as flow control decides. A publisher whose messages go to a
 * session that cannot take more waits: it stops reading, so that TCP slows the client down. It must still read
 * the acknowledgements for what it receives itself while its own session has anything unsent or unacknowledged,
 * or two clients that publish to each other, or one that publishes to itself, would wait for each other for
 * ever.
 */
public enum Intake {
    /** Read and process everything. */
    OPEN,
    /**
     * Keep reading, process PUBACK, PUBREC, PUBCOMP and PINGREQ at once, and hold every other packet, in order,
     * until the intake opens again.
     */
    ACKS_ONLY,
    /** Stop reading; acknowledgements already read are processed, everything else is held as for ACKS_ONLY. */
    PAUSED
}
