package io.petrel.mqtt.framing;

import static io.petrel.mqtt.listener.ClientPackets.properties;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttReasonCodeAndPropertiesVariableHeader;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.petrel.mqtt.listener.ClientPackets;
import io.petrel.mqtt.listener.ProtocolHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the decoder lets pass and the framing stages refuse, as the client sees it: repeated properties, properties
 * of another packet type, properties that outrun their length, and reserved bits of subscription options. Each
 * packet is refused whole, before any of it takes effect.
 */
class PacketRulesTest {
    private static final int SESSION_EXPIRY_INTERVAL = 0x11;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # §3.3.2.3.3 It is a Protocol Error to include the Message Expiry Interval more than once
        PUBLISH with two message expiries    | 30 0f 0001 61 0a 02 0000003c 02 0000003c 78 | 0x82 | DUPLICATE_PROPERTY
        # §2.2.2.2 an identifier not valid for the packet type is a Malformed Packet
        PUBLISH with a session expiry        | 30 0a 0001 61 05 11 0000003c 78             | 0x81 | PROPERTY_NOT_ALLOWED
        # §2.2.2.1 the decoder would read the topic alias beyond the property length
        PUBLISH whose properties outrun it   | 30 08 0001 61 01 23 0001 78                 | 0x81 | MALFORMED_PACKET
        # [MQTT-3.8.3-5] reserved bits of the subscription options
        SUBSCRIBE with options bit 6         | 82 07 0001 00 0001 61 40                    | 0x81 | RESERVED_FLAGS
        # §3.8.2.1.2 It is a Protocol Error to include the Subscription Identifier more than once
        SUBSCRIBE with two subscription ids  | 82 0b 0001 04 0b 01 0b 02 0001 61 00        | 0x82 | DUPLICATE_PROPERTY
        PUBACK with two reason strings       | 40 0e 0001 00 0a 1f 0002 6f6b 1f 0002 6f6b  | 0x82 | DUPLICATE_PROPERTY
        DISCONNECT with a will delay         | e0 07 00 05 18 0000003c                     | 0x81 | PROPERTY_NOT_ALLOWED
        """)
    void aConnectedMqtt5ClientIsDisconnected(String what, String hex, String reasonCode, String counter) {
        try (ProtocolHarness subscriber = ProtocolHarness.start();
                ProtocolHarness client = new ProtocolHarness(subscriber.protocol())) {
            connected(subscriber, "watcher", MqttProperties.NO_PROPERTIES);
            subscriber.send(ClientPackets.subscribe(1, "a", ClientPackets.qos(1)));
            subscriber.read();
            connected(client, "faulty", MqttProperties.NO_PROPERTIES);

            client.sendHex(hex);

            assertThat(disconnectReason(client.read())).as(what).isEqualTo(Integer.decode(reasonCode));
            assertThat(client.isOpen()).isFalse();
            assertThat(client.metrics().closedCount(counter)).isEqualTo(1);
            assertThat(subscriber.read()).as("nothing reached the subscriber").isNull();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # §3.1.2.11.2 It is a Protocol Error to include the Session Expiry Interval more than once
        two session expiries                 | 10 18 0004 4d515454 05 02 003c 0a 11 0000003c 11 0000003c 0001 61 | 0x82 | DUPLICATE_PROPERTY
        a topic alias                        | 10 11 0004 4d515454 05 02 003c 03 23 0001 0001 61 | 0x81 | PROPERTY_NOT_ALLOWED
        a session expiry in its will         | 10 1a 0004 4d515454 05 06 003c 00 0001 61 05 11 0000003c 0001 74 0001 78 | 0x81 | PROPERTY_NOT_ALLOWED
        # §3.1.3.2.2 It is a Protocol Error to include the Will Delay Interval more than once
        two will delays                      | 10 1f 0004 4d515454 05 06 003c 00 0001 61 0a 18 0000003c 18 0000003c 0001 74 0001 78 | 0x82 | DUPLICATE_PROPERTY
        """)
    void anMqtt5ConnectIsRefused(String what, String hex, String reasonCode, String counter) {
        // [MQTT-3.1.4-1] [MQTT-3.2.2-6] a refusing CONNACK with the reason, then the close.
        try (ProtocolHarness channel = ProtocolHarness.start()) {
            channel.decodeAs(ClientPackets.connect(MqttVersion.MQTT_5, "primer"));
            channel.sendHex(hex);

            MqttConnAckMessage connAck = channel.read(MqttConnAckMessage.class);
            assertThat(connAck.variableHeader().connectReturnCode().byteValue() & 0xFF).as(what)
                    .isEqualTo(Integer.decode(reasonCode));
            assertThat(channel.isOpen()).isFalse();
            assertThat(channel.metrics().closedCount(counter)).isEqualTo(1);
        }
    }

    @Test
    void anMqtt311SubscribeWithReservedBitsIsClosed() {
        // MQTT 3.1.1 [MQTT-3-8.3-4]: bit 6 was dropped by the decoder and got through before.
        try (ProtocolHarness channel = ProtocolHarness.start()) {
            channel.send(ClientPackets.connect(MqttVersion.MQTT_3_1_1, "v4"));
            channel.read(MqttConnAckMessage.class);
            channel.sendHex("82 06 0001 0001 61 41");

            assertThat(channel.read()).isNull();
            assertThat(channel.isOpen()).isFalse();
            assertThat(channel.metrics().closedCount("RESERVED_FLAGS")).isEqualTo(1);
        }
    }

    @Test
    void aSubscribeWithReservedBitsOnItsLastFilterSubscribesToNone() {
        // The first filter is well-formed; the whole packet is malformed all the same, so it takes no effect: the
        // session that outlives the connection holds no subscription to it.
        try (ProtocolHarness channel = ProtocolHarness.start();
                ProtocolHarness publisher = new ProtocolHarness(channel.protocol())) {
            MqttProperties expiry = properties(SESSION_EXPIRY_INTERVAL, 300);
            connected(channel, "persistent", expiry);
            channel.sendHex("82 0b 0001 00 0001 61 01 0001 62 41");
            assertThat(disconnectReason(channel.read())).isEqualTo(0x81);

            connected(publisher, "publisher", MqttProperties.NO_PROPERTIES);
            publisher.send(ClientPackets.publish("a", 1, 1, "while away"));
            assertThat(publisher.read().fixedHeader().messageType()).isEqualTo(MqttMessageType.PUBACK);
            try (ProtocolHarness again = new ProtocolHarness(channel.protocol())) {
                MqttConnectMessage resume = ClientPackets.connectBuilder(MqttVersion.MQTT_5, "persistent")
                        .cleanSession(false).properties(expiry).build();
                again.send(resume);
                assertThat(again.read(MqttConnAckMessage.class).variableHeader().isSessionPresent()).isTrue();
                assertThat(again.read()).as("no message for a subscription never made").isNull();
            }
        }
    }

    private static void connected(ProtocolHarness channel, String clientId, MqttProperties properties) {
        channel.send(ClientPackets.connect(MqttVersion.MQTT_5, clientId, properties));
        assertThat(channel.read(MqttConnAckMessage.class).variableHeader().connectReturnCode())
                .isEqualTo(MqttConnectReturnCode.CONNECTION_ACCEPTED);
    }

    private static int disconnectReason(MqttMessage packet) {
        assertThat(packet).isNotNull();
        assertThat(packet.fixedHeader().messageType()).isEqualTo(MqttMessageType.DISCONNECT);
        return ((MqttReasonCodeAndPropertiesVariableHeader) packet.variableHeader()).reasonCode() & 0xFF;
    }
}
