package io.petrel.mqtt.handler;

import static io.petrel.mqtt.handler.ConnectHandlerTest.disconnectReason;
import static io.petrel.mqtt.handler.PublishHandlerTest.assertReply;
import static io.petrel.mqtt.listener.ClientPackets.connect;
import static io.petrel.mqtt.listener.ClientPackets.properties;
import static io.petrel.mqtt.listener.ClientPackets.publish;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttPubReplyMessageVariableHeader;
import io.netty.handler.codec.mqtt.MqttReasonCodeAndPropertiesVariableHeader;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.petrel.mqtt.listener.ProtocolHarness;
import io.petrel.mqtt.protocol.MqttProtocolConfig;
import org.junit.jupiter.api.Test;

/** Request Problem Information: what a client that asks for no reason strings gets. */
class ProblemInformationTest {
    @Test
    void aRefusingPubackCarriesAReasonStringByDefault() {
        try (ProtocolHarness channel = refusingServer()) {
            channel.send(connect(MqttVersion.MQTT_5, "curious"));
            channel.read(MqttConnAckMessage.class);
            channel.send(publish("forbidden", 1, 1, "x"));

            MqttMessage pubAck = channel.read();
            assertReply(pubAck, MqttMessageType.PUBACK, 1, 0x87);
            assertThat(reasonString(((MqttPubReplyMessageVariableHeader) pubAck.variableHeader()).properties()))
                    .isEqualTo("not authorized");
        }
    }

    @Test
    void noReasonStringOnAcknowledgementsWhenTheClientAsksForNone() {
        // [MQTT-3.1.2-32] with Request Problem Information 0, no Reason String or User Property goes on any
        // packet but PUBLISH, CONNACK and DISCONNECT.
        try (ProtocolHarness channel = refusingServer()) {
            channel.send(connect(MqttVersion.MQTT_5, "quiet",
                    properties(MqttProperties.REQUEST_PROBLEM_INFORMATION, 0)));
            channel.read(MqttConnAckMessage.class);
            channel.send(publish("forbidden", 1, 1, "x"), publish("forbidden", 2, 2, "y"));

            MqttMessage pubAck = channel.read();
            assertReply(pubAck, MqttMessageType.PUBACK, 1, 0x87);
            assertThat(((MqttPubReplyMessageVariableHeader) pubAck.variableHeader()).properties().isEmpty())
                    .isTrue();
            MqttMessage pubRec = channel.read();
            assertReply(pubRec, MqttMessageType.PUBREC, 2, 0x87);
            assertThat(((MqttPubReplyMessageVariableHeader) pubRec.variableHeader()).properties().isEmpty())
                    .isTrue();
        }
    }

    @Test
    void aDisconnectStillSaysWhyWhenTheClientAsksForNoProblemInformation() {
        try (ProtocolHarness channel = ProtocolHarness.start()) {
            channel.send(connect(MqttVersion.MQTT_5, "quiet",
                    properties(MqttProperties.REQUEST_PROBLEM_INFORMATION, 0)));
            channel.read(MqttConnAckMessage.class);
            channel.send(publish("t", 1, 1, "x", properties(MqttProperties.SUBSCRIPTION_IDENTIFIER, 1)));

            MqttMessage disconnect = channel.read();
            assertThat(disconnectReason(disconnect)).isEqualTo(0x82);
            assertThat(reasonString(((MqttReasonCodeAndPropertiesVariableHeader) disconnect.variableHeader())
                    .properties())).isEqualTo("protocol error");
        }
    }

    @Test
    void aRequestProblemInformationAboveOneIsAProtocolError() {
        try (ProtocolHarness channel = ProtocolHarness.start()) {
            channel.send(connect(MqttVersion.MQTT_5, "two",
                    properties(MqttProperties.REQUEST_PROBLEM_INFORMATION, 2)));

            assertThat(channel.read(MqttConnAckMessage.class).variableHeader().connectReturnCode().byteValue() & 0xFF)
                    .isEqualTo(0x82);
        }
    }

    private static ProtocolHarness refusingServer() {
        return new ProtocolHarness(ProtocolHarness.context(MqttProtocolConfig.defaults(), ProtocolHarness.PUBLISHING_REFUSED));
    }

    private static String reasonString(MqttProperties properties) {
        MqttProperties.MqttProperty<?> property = properties.getProperty(MqttProperties.REASON_STRING);
        return property == null ? null : (String) property.value();
    }
}
