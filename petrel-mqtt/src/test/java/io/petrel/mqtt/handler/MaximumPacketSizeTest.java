package io.petrel.mqtt.handler;

import static io.petrel.mqtt.handler.ConnectHandlerTest.connected;
import static io.petrel.mqtt.handler.ConnectHandlerTest.disconnectReason;
import static io.petrel.mqtt.handler.PublishHandlerTest.assertReply;
import static io.petrel.mqtt.listener.ClientPackets.connect;
import static io.petrel.mqtt.listener.ClientPackets.properties;
import static io.petrel.mqtt.listener.ClientPackets.publish;
import static io.petrel.mqtt.listener.ClientPackets.qos;
import static io.petrel.mqtt.listener.ClientPackets.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttPubReplyMessageVariableHeader;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttReasonCodeAndPropertiesVariableHeader;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.petrel.mqtt.listener.Limits;
import io.petrel.mqtt.listener.ProtocolHarness;
import io.petrel.mqtt.protocol.MqttProtocolConfig;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Maximum Packet Size, both ways. */
class MaximumPacketSizeTest {
    private static final int LIMIT = 64;

    @Test
    void acceptsAPacketOfExactlyTheMaximumSize() {
        try (ProtocolHarness channel = ProtocolHarness.start(Limits.maxPacketSize(LIMIT))) {
            connected(channel, MqttVersion.MQTT_5, "fits");
            // 1 + 1 (remaining length) + 3 (topic "t") + 2 (packet id) + 1 (no properties) + 56 = 64
            channel.send(publish("t", 1, 1, "x".repeat(56)));

            assertReply(channel.read(), MqttMessageType.PUBACK, 1, 0);
        }
    }

    @Test
    void disconnectsAClientThatSendsALargerPacket() {
        // [MQTT-3.2.2-15] a client never sends more than the server's Maximum Packet Size; §3.2.2.3.6 says
        // the server answers with DISCONNECT 0x95.
        try (ProtocolHarness channel = ProtocolHarness.start(Limits.maxPacketSize(LIMIT))) {
            channel.send(connect(MqttVersion.MQTT_5, "too-big"));
            MqttConnAckMessage connAck = channel.read(MqttConnAckMessage.class);
            assertThat(connAck.variableHeader().properties().getProperty(MqttProperties.MAXIMUM_PACKET_SIZE).value())
                    .isEqualTo(LIMIT);
            channel.send(publish("t", 1, 1, "x".repeat(57)));

            assertThat(disconnectReason(channel.read())).isEqualTo(0x95);
            assertThat(channel.isOpen()).isFalse();
            assertThat(channel.metrics().closedCount("PACKET_TOO_LARGE")).isEqualTo(1);
        }
    }

    @Test
    void refusesAConnectLargerThanTheMaximum() {
        try (ProtocolHarness v5 = ProtocolHarness.start(Limits.maxPacketSize(LIMIT));
                ProtocolHarness v311 = ProtocolHarness.start(Limits.maxPacketSize(LIMIT))) {
            v5.send(connect(MqttVersion.MQTT_5, "c".repeat(60)));
            v311.send(connect(MqttVersion.MQTT_3_1_1, "c".repeat(60)));

            assertThat(v5.read(MqttConnAckMessage.class).variableHeader().connectReturnCode())
                    .isEqualTo(MqttConnectReturnCode.CONNECTION_REFUSED_PACKET_TOO_LARGE);
            // MQTT 3.1.1 [MQTT-3.1.4-1]: a CONNECT that does not conform is closed without a CONNACK.
            assertThat(v311.read()).isNull();
            assertThat(v5.isOpen()).isFalse();
            assertThat(v311.isOpen()).isFalse();
        }
    }

    @Test
    void skipsAMessageTooLargeForTheSubscriberAndDeliversTheNext() {
        // [MQTT-3.1.2-27] the server never sends a packet over the client's Maximum Packet Size;
        // [MQTT-3.1.2-28] it discards it as if it had been sent.
        try (ProtocolHarness subscriber = ProtocolHarness.start();
                ProtocolHarness publisher = new ProtocolHarness(subscriber.protocol())) {
            subscriber.send(connect(MqttVersion.MQTT_5, "small", properties(MqttProperties.MAXIMUM_PACKET_SIZE, 32)));
            subscriber.read(MqttConnAckMessage.class);
            subscriber.send(subscribe(1, "t", qos(1)));
            subscriber.read();
            connected(publisher, MqttVersion.MQTT_5, "big");

            publisher.send(publish("t", 1, 1, "x".repeat(40)), publish("t", 1, 2, "small"));

            MqttPublishMessage delivered = subscriber.read(MqttPublishMessage.class);
            assertThat(delivered.payload().toString(StandardCharsets.UTF_8)).isEqualTo("small");
            assertThat(subscriber.read()).isNull();
        }
    }

    @Test
    void leavesOutAReasonStringThatWouldMakeAnAcknowledgementTooLarge() {
        // [MQTT-3.4.2-2] [MQTT-3.5.2-2] no Reason String that would take a PUBACK or PUBREC over the client's
        // Maximum Packet Size.
        try (ProtocolHarness channel = new ProtocolHarness(
                ProtocolHarness.context(MqttProtocolConfig.defaults(), ProtocolHarness.PUBLISHING_REFUSED))) {
            channel.send(connect(MqttVersion.MQTT_5, "tiny", properties(MqttProperties.MAXIMUM_PACKET_SIZE, 16)));
            channel.read(MqttConnAckMessage.class);
            channel.send(publish("t", 1, 1, "x"));

            MqttMessage pubAck = channel.read();
            assertReply(pubAck, MqttMessageType.PUBACK, 1, 0x87);
            assertThat(((MqttPubReplyMessageVariableHeader) pubAck.variableHeader()).properties().isEmpty()).isTrue();
        }
    }

    @Test
    void leavesOutAReasonStringThatWouldMakeADisconnectTooLarge() {
        // [MQTT-3.14.2-3] no Reason String that would take a DISCONNECT over the client's Maximum Packet Size.
        try (ProtocolHarness channel = ProtocolHarness.start()) {
            channel.send(connect(MqttVersion.MQTT_5, "tiny", properties(MqttProperties.MAXIMUM_PACKET_SIZE, 16)));
            channel.read(MqttConnAckMessage.class);
            channel.send(publish("t", 1, 1, "x", properties(MqttProperties.SUBSCRIPTION_IDENTIFIER, 1)));

            MqttMessage disconnect = channel.read();
            assertThat(disconnectReason(disconnect)).isEqualTo(0x82);
            assertThat(((MqttReasonCodeAndPropertiesVariableHeader) disconnect.variableHeader()).properties()
                    .isEmpty()).isTrue();
        }
    }

    @Test
    void leavesOutAReasonStringThatWouldMakeARefusalTooLarge() {
        // [MQTT-3.2.2-19] no Reason String that would take a CONNACK over the client's Maximum Packet Size.
        MqttProperties properties = properties(MqttProperties.MAXIMUM_PACKET_SIZE, 16);
        properties.add(new MqttProperties.StringProperty(MqttProperties.AUTHENTICATION_METHOD, "SCRAM-SHA-1"));
        try (ProtocolHarness channel = ProtocolHarness.start()) {
            channel.send(connect(MqttVersion.MQTT_5, "tiny", properties));

            MqttConnAckMessage connAck = channel.read(MqttConnAckMessage.class);
            assertThat(connAck.variableHeader().connectReturnCode())
                    .isEqualTo(MqttConnectReturnCode.CONNECTION_REFUSED_BAD_AUTHENTICATION_METHOD);
            assertThat(connAck.variableHeader().properties().isEmpty()).isTrue();
        }
    }
}
