package io.petrel.mqtt.protocol;

import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageIdAndPropertiesVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttPubReplyMessageVariableHeader;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import io.netty.handler.codec.mqtt.MqttSubAckPayload;
import io.netty.handler.codec.mqtt.MqttUnsubAckMessage;
import io.netty.handler.codec.mqtt.MqttUnsubAckPayload;
import java.util.List;

/**
 * Builds Netty packet objects for both versions. The encoder writes what the channel's negotiated version
 * allows, so MQTT 3 callers pass reason code 0 and no properties.
 */
final class Packets {
    private Packets() {
    }

    /** PUBACK, PUBREC, PUBREL or PUBCOMP. PUBREL's fixed header carries QoS 1, as [MQTT-3.6.1-1] requires. */
    static MqttMessage of(MqttMessageType type, int packetId, int reasonCode, MqttProperties properties) {
        MqttQoS qos = type == MqttMessageType.PUBREL ? MqttQoS.AT_LEAST_ONCE : MqttQoS.AT_MOST_ONCE;
        return new MqttMessage(new MqttFixedHeader(type, false, qos, false, 0),
                new MqttPubReplyMessageVariableHeader(packetId, (byte) reasonCode, properties));
    }

    static MqttMessage subAck(int packetId, int[] reasonCodes, MqttProperties properties) {
        return new MqttSubAckMessage(new MqttFixedHeader(MqttMessageType.SUBACK, false, MqttQoS.AT_MOST_ONCE, false, 0),
                new MqttMessageIdAndPropertiesVariableHeader(packetId, properties),
                new MqttSubAckPayload(reasonCodes));
    }

    static MqttMessage unsubAck(int packetId, List<Short> reasonCodes, MqttProperties properties) {
        return new MqttUnsubAckMessage(
                new MqttFixedHeader(MqttMessageType.UNSUBACK, false, MqttQoS.AT_MOST_ONCE, false, 0),
                new MqttMessageIdAndPropertiesVariableHeader(packetId, properties),
                new MqttUnsubAckPayload(reasonCodes));
    }
}
