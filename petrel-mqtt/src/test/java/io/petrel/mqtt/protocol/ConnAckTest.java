package io.petrel.mqtt.protocol;

import static io.petrel.mqtt.listener.ClientPackets.connect;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.petrel.mqtt.listener.Limits;
import io.petrel.mqtt.listener.ProtocolHarness;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** What an MQTT 5 CONNACK tells the client about the server. */
class ConnAckTest {

    @Test
    void announcesTheServerLimitsAndNothingThatIsNotTrue() {
        MqttProtocolConfig defaults = MqttProtocolConfig.defaults();
        try (ProtocolHarness channel = ProtocolHarness.start()) {
            channel.send(connect(MqttVersion.MQTT_5, "limits"));

            MqttConnAckMessage connAck = channel.read(MqttConnAckMessage.class);
            assertThat(connAck.variableHeader().connectReturnCode()).isEqualTo(MqttConnectReturnCode.CONNECTION_ACCEPTED);
            // Retained messages are supported, so Retain Available is absent (which means 1) or 1, never 0.
            assertThat(integers(connAck.variableHeader().properties())).isEqualTo(Map.of(
                    MqttProperties.RECEIVE_MAXIMUM, defaults.receiveMaximum(),
                    MqttProperties.MAXIMUM_PACKET_SIZE, defaults.maxPacketSize(),
                    MqttProperties.TOPIC_ALIAS_MAXIMUM, defaults.topicAliasMaximum()));
        }
    }

    @Test
    void saysSoWhenRetainIsUnavailableAndLeavesOutAZeroTopicAliasMaximum() {
        // [MQTT-3.2.2-18] an absent Topic Alias Maximum means the client sends no aliases: 0 need not be sent.
        try (ProtocolHarness unavailable = ProtocolHarness.start(Limits.retainUnavailable());
                ProtocolHarness noAliases = ProtocolHarness.start(Limits.topicAliasMaximum(0))) {
            unavailable.send(connect(MqttVersion.MQTT_5, "no-retain"));
            noAliases.send(connect(MqttVersion.MQTT_5, "no-aliases"));

            assertThat(integers(unavailable.read(MqttConnAckMessage.class).variableHeader().properties()))
                    .containsEntry(MqttProperties.RETAIN_AVAILABLE, 0);
            assertThat(integers(noAliases.read(MqttConnAckMessage.class).variableHeader().properties()))
                    .doesNotContainKeys(MqttProperties.TOPIC_ALIAS_MAXIMUM, MqttProperties.RETAIN_AVAILABLE);
        }
    }

    @Test
    void aRefusalCarriesOnlyItsReasonString() {
        // [MQTT-3.2.2-6] a refusing CONNACK has Session Present 0; [MQTT-3.2.2-7] the connection then closes.
        try (ProtocolHarness channel = ProtocolHarness.start(Limits.maxClientIdLength(23))) {
            channel.send(connect(MqttVersion.MQTT_5, "x".repeat(24)));

            MqttConnAckMessage connAck = channel.read(MqttConnAckMessage.class);
            assertThat(connAck.variableHeader().connectReturnCode())
                    .isEqualTo(MqttConnectReturnCode.CONNECTION_REFUSED_CLIENT_IDENTIFIER_NOT_VALID);
            assertThat(connAck.variableHeader().isSessionPresent()).isFalse();
            MqttProperties properties = connAck.variableHeader().properties();
            assertThat(properties.listAll()).hasSize(1);
            assertThat(properties.getProperty(MqttProperties.REASON_STRING).value())
                    .isEqualTo("client identifier not valid");
            assertThat(channel.isOpen()).isFalse();
        }
    }

    private static Map<Integer, Integer> integers(MqttProperties properties) {
        Map<Integer, Integer> values = new TreeMap<>();
        for (MqttProperties.MqttProperty<?> property : properties.listAll()) {
            if (property instanceof MqttProperties.IntegerProperty integer) {
                values.put(integer.propertyId(), integer.value());
            }
        }
        return values;
    }
}
