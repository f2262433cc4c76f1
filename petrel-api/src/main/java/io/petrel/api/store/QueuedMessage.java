package io.petrel.api.store;

import io.petrel.api.Message;

/**
 * One message on its way to one session, as stored: queued, or in flight with its packet id.
 *
 * @param sequence the message's position in the session's queue; increasing, never reused by the session
 * @param messageId the id the engine gave the published message, shared by all of its copies, so that a store
 *     may keep one copy of the body however many sessions it goes to
 * @param message the message
 * @param qos the QoS it is delivered at
 * @param retain the retain flag it is delivered with
 * @param subscriptionIds the matching subscription identifiers
 * @param packetId the packet id once sent, else 0
 * @param stage where the delivery stands
 */
public record QueuedMessage(long sequence, long messageId, Message message, int qos, boolean retain,
        int[] subscriptionIds, int packetId, DeliveryStage stage) {
}
