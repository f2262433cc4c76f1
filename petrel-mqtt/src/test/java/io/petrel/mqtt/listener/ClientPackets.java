package io.petrel.mqtt.listener;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttPubReplyMessageVariableHeader;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttPublishVariableHeader;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttSubscriptionOption;
import io.netty.handler.codec.mqtt.MqttVersion;
import java.nio.charset.StandardCharsets;

/** The packets a well-behaved client sends, built with Netty's builders, for handler tests. */
public final class ClientPackets {
    private ClientPackets() {
    }

    /** A CONNECT with clean start, a 60 s keep alive and no properties. */
    public static MqttConnectMessage connect(MqttVersion version, String clientId) {
        return connect(version, clientId, MqttProperties.NO_PROPERTIES);
    }

    /** A CONNECT with clean start, a 60 s keep alive and the given MQTT 5 properties. */
    public static MqttConnectMessage connect(MqttVersion version, String clientId, MqttProperties properties) {
        return connectBuilder(version, clientId).properties(properties).build();
    }

    /** A CONNECT builder with clean start and a 60 s keep alive, to adjust further. */
    public static MqttMessageBuilders.ConnectBuilder connectBuilder(MqttVersion version, String clientId) {
        return MqttMessageBuilders.connect().protocolVersion(version).clientId(clientId).cleanSession(true)
                .keepAlive(60);
    }

    /** A PUBLISH with a UTF-8 payload and no properties. */
    public static MqttPublishMessage publish(String topic, int qos, int packetId, String payload) {
        return publish(topic, qos, packetId, payload, MqttProperties.NO_PROPERTIES);
    }

    /** A PUBLISH with a UTF-8 payload and the given properties. */
    public static MqttPublishMessage publish(String topic, int qos, int packetId, String payload,
            MqttProperties properties) {
        return publish(topic, qos, packetId, payload.getBytes(StandardCharsets.UTF_8), properties);
    }

    /** A PUBLISH with a binary payload and the given properties. */
    public static MqttPublishMessage publish(String topic, int qos, int packetId, byte[] payload,
            MqttProperties properties) {
        return new MqttPublishMessage(
                new MqttFixedHeader(MqttMessageType.PUBLISH, false, MqttQoS.valueOf(qos), false, 0),
                new MqttPublishVariableHeader(topic, qos == 0 ? -1 : packetId, properties),
                Unpooled.wrappedBuffer(payload));
    }

    /** A SUBSCRIBE to one filter. */
    public static MqttSubscribeMessage subscribe(int packetId, String filter, MqttSubscriptionOption option) {
        return subscribe(packetId, filter, option, MqttProperties.NO_PROPERTIES);
    }

    /** A SUBSCRIBE to one filter, with properties. */
    public static MqttSubscribeMessage subscribe(int packetId, String filter, MqttSubscriptionOption option,
            MqttProperties properties) {
        return MqttMessageBuilders.subscribe().messageId(packetId).addSubscription(filter, option)
                .properties(properties).build();
    }

    /** Subscription options with a maximum QoS and everything else at its default. */
    public static MqttSubscriptionOption qos(int qos) {
        return MqttSubscriptionOption.onlyFromQos(MqttQoS.valueOf(qos));
    }

    /** PUBACK, PUBREC, PUBREL or PUBCOMP with reason code 0. */
    public static MqttMessage reply(MqttMessageType type, int packetId) {
        MqttQoS qos = type == MqttMessageType.PUBREL ? MqttQoS.AT_LEAST_ONCE : MqttQoS.AT_MOST_ONCE;
        return new MqttMessage(new MqttFixedHeader(type, false, qos, false, 0),
                new MqttPubReplyMessageVariableHeader(packetId, (byte) 0, MqttProperties.NO_PROPERTIES));
    }

    /** A DISCONNECT with a reason code and no properties. */
    public static MqttMessage disconnect(int reasonCode) {
        return MqttMessageBuilders.disconnect().reasonCode((byte) reasonCode).build();
    }

    /** MQTT 5 properties built from integer properties, as id-value pairs. */
    public static MqttProperties properties(int... idValuePairs) {
        MqttProperties properties = new MqttProperties();
        for (int i = 0; i < idValuePairs.length; i += 2) {
            properties.add(new MqttProperties.IntegerProperty(idValuePairs[i], idValuePairs[i + 1]));
        }
        return properties;
    }
}
