package io.petrel.api.store;

/** Where a stored outbound message stands. */
public enum DeliveryStage {
    /** Waiting to be sent. */
    QUEUED,
    /** Sent with a packet id; awaiting PUBACK (QoS 1) or PUBREC (QoS 2). */
    PUBLISHED,
    /** PUBREC received and PUBREL sent; awaiting PUBCOMP. */
    RELEASED
}
