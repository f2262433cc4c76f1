package io.petrel.platform.api;

import io.petrel.api.QoS;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A PUBLISH to send to one device session. The retain flag is never set [device-api.md §0].
 *
 * @param topic the topic name
 * @param payload the payload; not copied
 * @param qos the QoS to send at: the granted QoS of the session's first matching subscription, else 1
 * @param listener told when it is delivered, or null
 */
public record Outbound(String topic, byte[] payload, QoS qos, @Nullable DeliveryListener listener) {
    public Outbound {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(qos, "qos");
    }

    @Override
    public String toString() {
        return "Outbound[" + topic + ", qos " + qos.value() + ", " + payload.length + " bytes]";
    }
}
