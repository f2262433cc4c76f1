package io.petrel.api.store;

import io.petrel.api.Message;
import java.util.Arrays;
import java.util.Objects;

/**
 * One message on its way to one session, as stored: queued, or in flight with its packet id.
 *
 * @param sequence the message's position in the session's queue; increasing, never reused by the session
 * @param messageId the id the engine gave the published message, shared by all of its copies, so that a store
 *     may keep one copy of the body however many sessions it goes to
 * @param message the message
 * @param qos the QoS it is delivered at
 * @param retain the retain flag it is delivered with
 * @param subscriptionIds the matching subscription identifiers; not copied, must not be modified
 * @param packetId the packet id once sent, else 0
 * @param stage where the delivery stands
 */
public record QueuedMessage(long sequence, long messageId, Message message, int qos, boolean retain,
        int[] subscriptionIds, int packetId, DeliveryStage stage) {

    /** A message waiting to be sent: no packet id yet. */
    public static QueuedMessage queued(long sequence, long messageId, Message message, int qos, boolean retain,
            int[] subscriptionIds) {
        return new QueuedMessage(sequence, messageId, message, qos, retain, subscriptionIds, 0,
                DeliveryStage.QUEUED);
    }

    /** A copy in another stage, with its packet id. */
    public QueuedMessage withDelivery(int newPacketId, DeliveryStage newStage) {
        return new QueuedMessage(sequence, messageId, message, qos, retain, subscriptionIds, newPacketId, newStage);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QueuedMessage q
                && sequence == q.sequence
                && messageId == q.messageId
                && message.equals(q.message)
                && qos == q.qos
                && retain == q.retain
                && Arrays.equals(subscriptionIds, q.subscriptionIds)
                && packetId == q.packetId
                && stage == q.stage;
    }

    @Override
    public int hashCode() {
        return Objects.hash(sequence, messageId, message, qos, retain, Arrays.hashCode(subscriptionIds), packetId,
                stage);
    }

    @Override
    public String toString() {
        return "QueuedMessage[sequence=" + sequence + ", messageId=" + messageId + ", " + message + ", qos=" + qos
                + ", packetId=" + packetId + ", stage=" + stage + "]";
    }
}
