package io.petrel.mqtt.handler;

import static io.petrel.mqtt.handler.ConnectHandlerTest.disconnectReason;
import static io.petrel.mqtt.listener.ClientPackets.connectBuilder;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.petrel.mqtt.listener.Limits;
import io.petrel.mqtt.listener.ProtocolHarness;
import io.petrel.mqtt.protocol.MqttProtocolConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class KeepAliveTest {

    @Test
    void closesAnMqtt5ConnectionAfterOneAndAHalfKeepAlivePeriods() {
        // [MQTT-3.1.2-24] nothing for 1.5 times the keep alive closes the connection; MQTT 5 says 0x8D.
        try (ProtocolHarness channel = ProtocolHarness.start()) {
            connect(channel, MqttVersion.MQTT_5, 10);

            channel.advance(Duration.ofMillis(14_900));
            assertThat(channel.isOpen()).isTrue();
            channel.advance(Duration.ofMillis(200));

            assertThat(disconnectReason(channel.read())).isEqualTo(0x8D);
            assertThat(channel.isOpen()).isFalse();
            assertThat(channel.metrics().closedCount("KEEP_ALIVE_TIMEOUT")).isEqualTo(1);
        }
    }

    @Test
    void timeWhileTheServerStopsReadingDoesNotCount() {
        // A publisher held back by flow control cannot be heard: its PINGREQs wait unread in the socket.
        try (ProtocolHarness channel = ProtocolHarness.start()) {
            connect(channel, MqttVersion.MQTT_5, 10);

            channel.serverReads(false);
            channel.advance(Duration.ofSeconds(60));
            assertThat(channel.isOpen()).isTrue();
            channel.serverReads(true);
            channel.advance(Duration.ofSeconds(16));

            assertThat(disconnectReason(channel.read())).as("silence after reading resumed counts").isEqualTo(0x8D);
        }
    }

    @Test
    void anyPacketRestartsTheKeepAlivePeriod() {
        try (ProtocolHarness channel = ProtocolHarness.start()) {
            connect(channel, MqttVersion.MQTT_3_1_1, 10);

            channel.advance(Duration.ofSeconds(14));
            channel.send(MqttMessage.PINGREQ);
            // [MQTT-3.12.4-1] PINGREQ is answered with PINGRESP.
            assertThat(channel.read().fixedHeader().messageType()).isEqualTo(MqttMessageType.PINGRESP);
            channel.advance(Duration.ofSeconds(14));

            assertThat(channel.isOpen()).isTrue();
            channel.advance(Duration.ofSeconds(2));
            // MQTT 3 has no DISCONNECT from the server: the connection just closes.
            assertThat(channel.read()).isNull();
            assertThat(channel.isOpen()).isFalse();
        }
    }

    @Test
    void aKeepAliveOfZeroNeverTimesOutWhenTheServerAllowsIt() {
        try (ProtocolHarness channel = ProtocolHarness.start()) {
            MqttConnAckMessage connAck = connect(channel, MqttVersion.MQTT_5, 0);

            // [MQTT-3.2.2-22] without a Server Keep Alive, the client's value stands.
            assertThat(connAck.variableHeader().properties().getProperty(MqttProperties.SERVER_KEEP_ALIVE)).isNull();
            channel.advance(Duration.ofHours(24));
            assertThat(channel.isOpen()).isTrue();
        }
    }

    @Test
    void imposesTheServerKeepAliveOnAClientThatAsksForMore() {
        // [MQTT-3.2.2-21] the client must use the Server Keep Alive; the server enforces that value.
        try (ProtocolHarness channel = ProtocolHarness.start(Limits.maxKeepAlive(30))) {
            MqttConnAckMessage connAck = connect(channel, MqttVersion.MQTT_5, 600);

            assertThat(serverKeepAlive(connAck)).isEqualTo(30);
            channel.advance(Duration.ofSeconds(44));
            assertThat(channel.isOpen()).isTrue();
            channel.advance(Duration.ofSeconds(2));
            assertThat(disconnectReason(channel.read())).isEqualTo(0x8D);
        }
    }

    @Test
    void imposesTheServerKeepAliveOnAClientThatAsksForNone() {
        try (ProtocolHarness channel = ProtocolHarness.start(Limits.maxKeepAlive(30))) {
            MqttConnAckMessage connAck = connect(channel, MqttVersion.MQTT_5, 0);

            assertThat(serverKeepAlive(connAck)).isEqualTo(30);
        }
    }

    @Test
    void closesAConnectionThatSendsNoConnectInTime() {
        try (ProtocolHarness channel = ProtocolHarness.start()) {
            channel.advance(Duration.ofSeconds(MqttProtocolConfig.defaults().connectTimeoutSeconds() - 1));
            assertThat(channel.isOpen()).isTrue();
            channel.advance(Duration.ofSeconds(2));

            // [MQTT-3.14.0-1] no CONNACK was sent, so no DISCONNECT either.
            assertThat(channel.read()).isNull();
            assertThat(channel.isOpen()).isFalse();
            assertThat(channel.metrics().closedCount("CONNECT_TIMEOUT")).isEqualTo(1);
        }
    }

    private static MqttConnAckMessage connect(ProtocolHarness channel, MqttVersion version, int keepAlive) {
        channel.send(connectBuilder(version, "keep-alive").keepAlive(keepAlive).build());
        return channel.read(MqttConnAckMessage.class);
    }

    private static int serverKeepAlive(MqttConnAckMessage connAck) {
        MqttProperties.MqttProperty<?> property =
                connAck.variableHeader().properties().getProperty(MqttProperties.SERVER_KEEP_ALIVE);
        assertThat(property).as("server keep alive").isNotNull();
        return (Integer) property.value();
    }
}
