package io.petrel.platform.api;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * One session of a device, or of a provision-only client, as the protocol layer drives it. Every method is
 * called on the session's own thread, in the order the packets arrived.
 */
public interface PlatformSession {

    /**
     * A PUBLISH arrived. The decision may take a store write or read; decisions complete in the order the
     * publishes arrived, so PUBACKs go out in order.
     *
     * @param qos the PUBLISH's QoS, 0 to 2
     */
    CompletionStage<PublishDecision> onPublish(String topic, byte[] payload, int qos);

    /** A SUBSCRIBE arrived. */
    SubscribeDecision onSubscribe(List<Subscription> subscriptions);

    /**
     * An UNSUBSCRIBE arrived.
     *
     * @return one code per filter: 0x00, or 0x11 when no such subscription existed (MQTT 5 only)
     */
    List<ReasonCode> onUnsubscribe(List<String> filters);

    /** A PINGREQ arrived: the device is alive. */
    void onPing();

    /** The connection ended, for whatever reason. Called once; nothing is called after it. */
    void onClose();
}
