package io.petrel.mqtt.framing;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttReasonCodeAndPropertiesVariableHeader;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.petrel.mqtt.listener.ClientPackets;
import io.petrel.mqtt.listener.ProtocolHarness;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every length inside a packet that points past the packet's end. Netty's decoder would wait for the bytes it
 * is missing and stall the connection, or take them from the packets after; each is a malformed packet instead,
 * answered at once with 0x81 (MQTT 5) or a close (MQTT 3.1.1), counted as {@code TRUNCATED_PACKET}, and nothing
 * the client sent after it is processed.
 */
class TruncatedPacketTest {
    /** A PINGREQ after the bad packet, in the same read: it must not be answered. */
    private static final String PINGREQ = " c0 00";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        PUBLISH topic name length            | 30 03 0005 61
        QoS 1 PUBLISH packet identifier      | 32 03 0001 61
        PUBLISH property length              | 30 07 0003 612f62 7b 7d
        PUBLISH property length cut          | 30 04 0001 61 80
        PUBLISH content type length          | 30 09 0001 61 05 03 0009 6162
        PUBLISH correlation data length      | 30 09 0001 61 05 09 0009 6162
        PUBLISH user property name length    | 30 09 0001 61 05 26 0009 6162
        PUBLISH user property value length   | 30 0b 0001 61 07 26 0001 61 0009 62
        PUBLISH subscription identifier cut  | 30 06 0001 61 02 0b 80
        PUBLISH topic alias cut              | 30 06 0001 61 02 23 00
        PUBLISH message expiry cut           | 30 07 0001 61 03 02 0000
        SUBSCRIBE packet identifier          | 82 01 00
        SUBSCRIBE property length            | 82 03 0001 05
        SUBSCRIBE topic filter length        | 82 06 0001 00 0009 61
        SUBSCRIBE options missing            | 82 06 0001 00 0001 61
        UNSUBSCRIBE property length          | a2 03 0001 05
        UNSUBSCRIBE topic filter length      | a2 06 0001 00 0009 61
        PUBACK of no bytes                   | 40 00
        PUBACK of one byte                   | 40 01 00
        PUBACK property length               | 40 04 0001 00 05
        PUBREC of no bytes                   | 50 00
        PUBREL of no bytes                   | 62 00
        PUBCOMP property length              | 70 04 0001 00 05
        DISCONNECT property length           | e0 02 00 05
        DISCONNECT reason string length      | e0 05 00 03 1f 0009
        AUTH property length                 | f0 02 18 05
        """)
    void anMqtt5ClientGetsMalformedPacket(String what, String hex) {
        try (ProtocolHarness channel = ProtocolHarness.start()) {
            connected(channel, MqttVersion.MQTT_5, "v5");
            channel.sendHex(hex + PINGREQ);

            MqttMessage answer = channel.read();
            assertThat(answer).as(what).isNotNull();
            assertThat(answer.fixedHeader().messageType()).isEqualTo(MqttMessageType.DISCONNECT);
            assertThat(((MqttReasonCodeAndPropertiesVariableHeader) answer.variableHeader()).reasonCode() & 0xFF)
                    .as(what).isEqualTo(0x81);
            assertThat(channel.read()).as("nothing after the DISCONNECT").isNull();
            assertThat(channel.isOpen()).isFalse();
            assertThat(channel.metrics().closedCount("TRUNCATED_PACKET")).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        PUBLISH topic name length            | 30 03 0005 61
        QoS 2 PUBLISH packet identifier      | 34 03 0001 61
        SUBSCRIBE topic filter length        | 82 05 0001 0009 61
        SUBSCRIBE options missing            | 82 05 0001 0001 61
        UNSUBSCRIBE topic filter length      | a2 05 0001 0009 61
        PUBACK of one byte                   | 40 01 00
        PUBREL of no bytes                   | 62 00
        """)
    void anMqtt311ClientIsClosed(String what, String hex) {
        try (ProtocolHarness channel = ProtocolHarness.start()) {
            connected(channel, MqttVersion.MQTT_3_1_1, "v4");
            channel.sendHex(hex + PINGREQ);

            assertThat(channel.read()).as(what).isNull();
            assertThat(channel.isOpen()).isFalse();
            assertThat(channel.metrics().closedCount("TRUNCATED_PACKET")).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        keep alive cut                       | 10 08 0004 4d515454 05 02
        property length                      | 10 0b 0004 4d515454 05 02 003c 05
        client identifier length             | 10 0e 0004 4d515454 05 02 003c 00 0009 61
        will property length                 | 10 0f 0004 4d515454 05 06 003c 00 0001 61 09
        will topic length                    | 10 12 0004 4d515454 05 06 003c 00 0001 61 00 0009 74
        will payload length                  | 10 15 0004 4d515454 05 06 003c 00 0001 61 00 0001 74 0009 78
        user name length                     | 10 11 0004 4d515454 05 82 003c 00 0001 61 0009 75
        password length                      | 10 11 0004 4d515454 05 42 003c 00 0001 61 0009 70
        """)
    void anMqtt5ConnectIsRefusedWithMalformedPacket(String what, String hex) {
        // [MQTT-3.1.4-1] the CONNECT was read far enough to know the version: MQTT 5 answers with 0x81.
        try (ProtocolHarness channel = ProtocolHarness.start()) {
            channel.decodeAs(ClientPackets.connect(MqttVersion.MQTT_5, "primer"));
            channel.sendHex(hex + PINGREQ);

            MqttConnAckMessage connAck = channel.read(MqttConnAckMessage.class);
            assertThat(connAck.variableHeader().connectReturnCode().byteValue() & 0xFF).as(what).isEqualTo(0x81);
            assertThat(channel.read()).isNull();
            assertThat(channel.isOpen()).isFalse();
            assertThat(channel.metrics().closedCount("TRUNCATED_PACKET")).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        protocol name length                 | 10 02 0009
        MQTT 3.1.1 client identifier length  | 10 0d 0004 4d515454 04 02 003c 0009 61
        """)
    void aConnectWithoutAVersionOrOfMqtt311IsClosed(String what, String hex) {
        try (ProtocolHarness channel = ProtocolHarness.start()) {
            channel.sendHex(hex + PINGREQ);

            assertThat(channel.read()).as(what).isNull();
            assertThat(channel.isOpen()).isFalse();
            assertThat(channel.metrics().closedCount("TRUNCATED_PACKET")).isEqualTo(1);
        }
    }

    private static void connected(ProtocolHarness channel, MqttVersion version, String clientId) {
        channel.send(ClientPackets.connect(version, clientId));
        assertThat(channel.read(MqttConnAckMessage.class).variableHeader().connectReturnCode())
                .isEqualTo(MqttConnectReturnCode.CONNECTION_ACCEPTED);
    }
}
