package io.petrel.engine.session;

import io.petrel.api.Message;
import io.petrel.api.QoS;
import io.petrel.engine.topic.SharedGroup;
import org.jspecify.annotations.Nullable;

/**
 * A message on its way to one subscriber, with the delivery rules already applied: the QoS downgraded to
 * the subscription's, the retain flag as the subscription asks, and the matching subscription ids.
 *
 * @param message the message, shared with every other subscriber
 * @param qos the QoS to deliver at: the lower of the message's and the subscription's [MQTT-3.8.4-8]
 * @param retain the retain flag to send
 * @param subscriptionIds the identifiers of every matching subscription that has one; not modified
 * @param sharedGroup the share group the message was routed through, or null
 * @param wireCache encoded forms shared across this message's subscribers, or null when it has one
 */
public record Delivery(
        Message message,
        QoS qos,
        boolean retain,
        int[] subscriptionIds,
        @Nullable SharedGroup<Session> sharedGroup,
        @Nullable WireCache wireCache) {

    /** No subscription identifiers. */
    public static final int[] NO_IDS = new int[0];
}
