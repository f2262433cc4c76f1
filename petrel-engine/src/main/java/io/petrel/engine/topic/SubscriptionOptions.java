package io.petrel.engine.topic;

import io.petrel.api.QoS;

/**
 * The delivery options of one subscription. MQTT 3 subscriptions use {@link #v3(QoS)}: no no-local, no
 * retain-as-published, retained messages sent on every subscribe.
 *
 * @param qos the maximum QoS granted
 * @param noLocal whether the subscriber's own publishes are withheld from it
 * @param retainAsPublished whether forwarded messages keep the publisher's retain flag
 * @param retainHandling when retained messages are sent on subscribe
 */
public record SubscriptionOptions(QoS qos, boolean noLocal, boolean retainAsPublished,
        RetainHandling retainHandling) {

    /** Options with MQTT 3 semantics at the given QoS. */
    public static SubscriptionOptions v3(QoS qos) {
        return new SubscriptionOptions(qos, false, false, RetainHandling.SEND_ON_SUBSCRIBE);
    }
}
