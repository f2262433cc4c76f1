package io.petrel.engine.session;

/**
 * A delivery waiting in a session's queue, with its place in the stored queue when it is stored.
 *
 * @param delivery the delivery
 * @param sequence the stored sequence number, or 0 when the message is not stored
 * @param messageId the stored message id, or 0
 */
record Pending(Delivery delivery, long sequence, long messageId) {
    static Pending inMemory(Delivery delivery) {
        return new Pending(delivery, 0, 0);
    }

    boolean isStored() {
        return sequence != 0;
    }
}
