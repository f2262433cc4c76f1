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
    Stage stage = Stage.PUBLISHED;

    InflightEntry(Delivery delivery, int packetId) {
        this.delivery = delivery;
        this.packetId = packetId;
    }
}
