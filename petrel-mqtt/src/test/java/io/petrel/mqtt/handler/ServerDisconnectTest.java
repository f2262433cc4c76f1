package io.petrel.mqtt.handler;

import static io.petrel.mqtt.handler.ConnectHandlerTest.connected;
import static io.petrel.mqtt.handler.ConnectHandlerTest.disconnectReason;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttReasonCodeAndPropertiesVariableHeader;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.petrel.engine.session.DisconnectCause;
import io.petrel.mqtt.listener.ClientPackets;
import io.petrel.mqtt.listener.ProtocolHarness;
import org.junit.jupiter.api.Test;

/** The DISCONNECT packets the server sends of its own accord. */
class ServerDisconnectTest {

    @Test
    void theOldConnectionSeesSessionTakenOver() {
        // [MQTT-3.1.4-3] a second connection with the same client id closes the first, with 0x8E for MQTT 5.
        try (ProtocolHarness old = ProtocolHarness.start();
                ProtocolHarness replacement = new ProtocolHarness(old.protocol())) {
            connected(old, MqttVersion.MQTT_5, "same-id");
            connected(replacement, MqttVersion.MQTT_5, "same-id");

            MqttMessage disconnect = old.read();
            assertThat(disconnectReason(disconnect)).isEqualTo(0x8E);
            // [MQTT-3.14.2-2] the server never sends a Session Expiry Interval in DISCONNECT.
            assertThat(((MqttReasonCodeAndPropertiesVariableHeader) disconnect.variableHeader()).properties()
                    .getProperty(MqttProperties.SESSION_EXPIRY_INTERVAL)).isNull();
            assertThat(old.isOpen()).isFalse();
            assertThat(replacement.isOpen()).isTrue();
            assertThat(old.metrics().closedCount("SESSION_TAKEN_OVER")).isEqualTo(1);
        }
    }

    @Test
    void anMqtt3ConnectionTakenOverIsClosedWithoutAPacket() {
        // MQTT 3.1.1 [MQTT-3.1.4-2]: the server disconnects the existing client.
        try (ProtocolHarness old = ProtocolHarness.start();
                ProtocolHarness replacement = new ProtocolHarness(old.protocol())) {
            connected(old, MqttVersion.MQTT_3_1_1, "same-id");
            connected(replacement, MqttVersion.MQTT_5, "same-id");

            assertThat(old.read()).isNull();
            assertThat(old.isOpen()).isFalse();
        }
    }

    @Test
    void shuttingDownTellsEveryMqtt5Client() {
        try (ProtocolHarness first = ProtocolHarness.start();
                ProtocolHarness second = new ProtocolHarness(first.protocol())) {
            connected(first, MqttVersion.MQTT_5, "a");
            connected(second, MqttVersion.MQTT_5, "b");

            first.protocol().engine().shutdown();

            assertThat(disconnectReason(first.read())).isEqualTo(0x8B);
            assertThat(disconnectReason(second.read())).isEqualTo(0x8B);
            assertThat(first.isOpen()).isFalse();
            assertThat(second.isOpen()).isFalse();
        }
    }

    @Test
    void anAdministrativeDisconnectSaysSo() {
        try (ProtocolHarness channel = ProtocolHarness.start()) {
            connected(channel, MqttVersion.MQTT_5, "kicked");

            channel.protocol().engine().sessions().get("kicked").disconnect(DisconnectCause.ADMINISTRATIVE_ACTION);

            assertThat(disconnectReason(channel.read())).isEqualTo(0x98);
            assertThat(channel.metrics().closedCount("ADMINISTRATIVE_ACTION")).isEqualTo(1);
        }
    }

    @Test
    void aClientDisconnectClosesWithoutAReply() {
        // [MQTT-3.14.4-1] nothing is sent after a DISCONNECT, and the server sends none in answer to one.
        try (ProtocolHarness channel = ProtocolHarness.start()) {
            channel.send(ClientPackets.connect(MqttVersion.MQTT_5, "bye"));
            channel.read(MqttConnAckMessage.class);
            channel.send(ClientPackets.disconnect(0x00));

            assertThat(channel.read()).isNull();
            assertThat(channel.isOpen()).isFalse();
            assertThat(channel.metrics().closeReasons()).isEmpty();
        }
    }

    @Test
    void aSessionExpiryInADisconnectAfterAConnectWithoutOneIsAProtocolError() {
        // §3.14.2.2.2: a session that was to end with the connection cannot be given an expiry at DISCONNECT.
        try (ProtocolHarness channel = ProtocolHarness.start()) {
            connected(channel, MqttVersion.MQTT_5, "extend");
            MqttProperties properties = ClientPackets.properties(MqttProperties.SESSION_EXPIRY_INTERVAL, 60);
            channel.send(MqttMessageBuilders.disconnect().reasonCode((byte) 0)
                    .properties(properties).build());

            assertThat(disconnectReason(channel.read())).isEqualTo(0x82);
        }
    }
}
