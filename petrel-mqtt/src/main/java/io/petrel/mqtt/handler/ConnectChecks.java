package io.petrel.mqtt.handler;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttConnectPayload;
import io.netty.handler.codec.mqtt.MqttConnectVariableHeader;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.petrel.api.topic.Topics;
import io.petrel.mqtt.codec.PropertiesCodec;
import io.petrel.mqtt.protocol.ProtocolError;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** What the decoder leaves unchecked in a CONNECT. */
final class ConnectChecks {
    private ConnectChecks() {
    }

    /**
     * The first problem with a CONNECT, or null if it is acceptable.
     *
     * @param retainAvailable whether the server supports retained messages, which a retained will needs
     */
    static @Nullable ProtocolError check(MqttConnectVariableHeader header, MqttConnectPayload payload, boolean v5,
            boolean retainAvailable) {
        // [MQTT-3.1.2-11] [MQTT-3.1.2-13] [MQTT-3.1.2-15] without a will, will QoS and will retain are 0.
        if (!header.isWillFlag() && (header.willQos() != 0 || header.isWillRetain())) {
            return ProtocolError.MALFORMED_PACKET;
        }
        // [MQTT-3.1.2-14] will QoS 3 is malformed.
        if (header.willQos() > 2) {
            return ProtocolError.MALFORMED_PACKET;
        }
        // MQTT 3.1.1 [MQTT-3.1.2-22]: a password needs a user name. MQTT 5 allows a password alone.
        if (!v5 && header.hasPassword() && !header.hasUserName()) {
            return ProtocolError.MALFORMED_PACKET;
        }
        if (v5) {
            ProtocolError propertyError = checkProperties(header.properties());
            if (propertyError != null) {
                return propertyError;
            }
        }
        if (header.isWillFlag()) {
            if (header.isWillRetain() && !retainAvailable) {
                // [MQTT-3.2.2-13] a retained will without retain support is refused, with 0x9A for MQTT 5.
                return ProtocolError.RETAIN_NOT_SUPPORTED;
            }
            return checkWill(payload);
        }
        return null;
    }

    private static @Nullable ProtocolError checkProperties(MqttProperties properties) {
        // §3.1.2.11.3 and §3.1.2.11.4: a receive maximum or maximum packet size of 0 is a protocol error.
        if (PropertiesCodec.intValue(properties, MqttProperties.RECEIVE_MAXIMUM, 1) == 0
                || PropertiesCodec.intValue(properties, MqttProperties.MAXIMUM_PACKET_SIZE, 1) == 0) {
            return ProtocolError.PROTOCOL_ERROR;
        }
        int problem = PropertiesCodec.intValue(properties, MqttProperties.REQUEST_PROBLEM_INFORMATION, 1);
        int response = PropertiesCodec.intValue(properties, MqttProperties.REQUEST_RESPONSE_INFORMATION, 0);
        if (problem > 1 || response > 1) {
            return ProtocolError.PROTOCOL_ERROR;
        }
        // §3.1.2.11.10: authentication data without an authentication method is a protocol error.
        if (properties.getProperty(MqttProperties.AUTHENTICATION_DATA) != null
                && properties.getProperty(MqttProperties.AUTHENTICATION_METHOD) == null) {
            return ProtocolError.PROTOCOL_ERROR;
        }
        return null;
    }

    private static @Nullable ProtocolError checkWill(MqttConnectPayload payload) {
        String topic = payload.willTopic();
        if (topic == null || !Topics.isValidTopicName(topic)) {
            return ProtocolError.WILL_TOPIC_INVALID;
        }
        MqttProperties properties = payload.willProperties();
        // [MQTT-3.3.2-14] the will becomes a PUBLISH, whose response topic has no wildcards.
        String responseTopic = PropertiesCodec.stringValue(properties, MqttProperties.RESPONSE_TOPIC);
        if (responseTopic != null && !Topics.isValidTopicName(responseTopic)) {
            return ProtocolError.RESPONSE_TOPIC_INVALID;
        }
        int format = PropertiesCodec.intValue(properties, MqttProperties.PAYLOAD_FORMAT_INDICATOR, 0);
        if (format > 1) {
            return ProtocolError.PROTOCOL_ERROR;
        }
        if (format == 1 && !ByteBufUtil.isText(Unpooled.wrappedBuffer(payload.willMessageInBytes()), StandardCharsets.UTF_8)) {
            return ProtocolError.WILL_PAYLOAD_FORMAT_INVALID;
        }
        return null;
    }
}
