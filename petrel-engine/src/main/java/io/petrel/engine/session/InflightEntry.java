package io.petrel.engine.session;

/** A QoS 1 or 2 message sent to the client and not yet fully acknowledged. */
final class InflightEntry {
    /** Where the outbound handshake stands. */
    enum Stage {
        /** PUBLISH sent; waiting for PUBACK (QoS 1) or PUBREC (QoS 2). */
        PUBLISHED,
        /** PUBREC received and PUBREL sent; waiting for PUBCOMP. */
        RELEASED
    }

    final Delivery delivery;
    final int packetId;
    /** The message's place in the stored queue, or 0 when it is not stored. */
    final long sequence;
    final long messageId;
    Stage stage = Stage.PUBLISHED;
    /** False while its packet id is being committed to the store, before the PUBLISH may leave. */
    boolean recorded = true;

    InflightEntry(Delivery delivery, int packetId, long sequence, long messageId) {
        this.delivery = delivery;
        this.packetId = packetId;
        this.sequence = sequence;
        this.messageId = messageId;
    }

    boolean isStored() {
        return sequence != 0;
    }
}
