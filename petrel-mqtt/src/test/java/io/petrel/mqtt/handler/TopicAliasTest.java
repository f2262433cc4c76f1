package io.petrel.mqtt.handler;

import static io.petrel.mqtt.handler.ConnectHandlerTest.connected;
import static io.petrel.mqtt.handler.ConnectHandlerTest.disconnectReason;
import static io.petrel.mqtt.listener.ClientPackets.properties;
import static io.petrel.mqtt.listener.ClientPackets.publish;
import static io.petrel.mqtt.listener.ClientPackets.qos;
import static io.petrel.mqtt.listener.ClientPackets.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.petrel.mqtt.listener.ClientPackets;
import io.petrel.mqtt.listener.Limits;
import io.petrel.mqtt.listener.ProtocolHarness;
import io.petrel.mqtt.protocol.MqttProtocolConfig;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Topic aliases a client sends to the server. */
class TopicAliasTest {

    @Test
    void announcesItsTopicAliasMaximum() {
        try (ProtocolHarness channel = ProtocolHarness.start()) {
            channel.send(ClientPackets.connect(MqttVersion.MQTT_5, "tam"));

            MqttConnAckMessage connAck = channel.read(MqttConnAckMessage.class);
            assertThat(connAck.variableHeader().properties().getProperty(MqttProperties.TOPIC_ALIAS_MAXIMUM).value())
                    .isEqualTo(MqttProtocolConfig.defaults().topicAliasMaximum());
        }
    }

    @Test
    void resolvesAnAliasTheClientSetEarlierOnTheConnection() {
        // [MQTT-3.3.2-12] the server accepts every alias from 1 to the maximum it announced.
        try (ProtocolHarness subscriber = ProtocolHarness.start();
                ProtocolHarness publisher = new ProtocolHarness(subscriber.protocol())) {
            connected(subscriber, MqttVersion.MQTT_5, "sub");
            subscriber.send(subscribe(1, "sensors/#", qos(1)));
            subscriber.read();
            connected(publisher, MqttVersion.MQTT_5, "pub");

            int maximum = MqttProtocolConfig.defaults().topicAliasMaximum();
            publisher.send(publish("sensors/1", 0, 0, "first", properties(MqttProperties.TOPIC_ALIAS, maximum)),
                    publish("", 0, 0, "second", properties(MqttProperties.TOPIC_ALIAS, maximum)));

            assertThat(topicAndPayload(subscriber.read(MqttPublishMessage.class))).isEqualTo("sensors/1 first");
            assertThat(topicAndPayload(subscriber.read(MqttPublishMessage.class))).isEqualTo("sensors/1 second");
            assertThat(publisher.isOpen()).isTrue();
        }
    }

    @Test
    void anAliasOfZeroIsInvalid() {
        // [MQTT-3.3.2-8] a Topic Alias of 0 is never sent.
        try (ProtocolHarness channel = ProtocolHarness.start()) {
            connected(channel, MqttVersion.MQTT_5, "zero");
            channel.send(publish("t", 0, 0, "x", properties(MqttProperties.TOPIC_ALIAS, 0)));

            assertThat(disconnectReason(channel.read())).isEqualTo(0x94);
            assertThat(channel.isOpen()).isFalse();
            assertThat(channel.metrics().closedCount("TOPIC_ALIAS_INVALID")).isEqualTo(1);
        }
    }

    @Test
    void anAliasAboveTheMaximumIsInvalid() {
        // [MQTT-3.3.2-9] a client never sends an alias above the server's Topic Alias Maximum.
        try (ProtocolHarness channel = ProtocolHarness.start(Limits.topicAliasMaximum(2))) {
            connected(channel, MqttVersion.MQTT_5, "above");
            channel.send(publish("t", 1, 1, "x", properties(MqttProperties.TOPIC_ALIAS, 3)));

            assertThat(disconnectReason(channel.read())).isEqualTo(0x94);
        }
    }

    @Test
    void everyAliasIsInvalidWhenTheServerAllowsNone() {
        // [MQTT-3.2.2-18] without a Topic Alias Maximum in CONNACK, the client sends no aliases.
        try (ProtocolHarness channel = ProtocolHarness.start(Limits.topicAliasMaximum(0))) {
            channel.send(ClientPackets.connect(MqttVersion.MQTT_5, "none"));
            MqttConnAckMessage connAck = channel.read(MqttConnAckMessage.class);
            assertThat(connAck.variableHeader().properties().getProperty(MqttProperties.TOPIC_ALIAS_MAXIMUM))
                    .isNull();
            channel.send(publish("t", 0, 0, "x", properties(MqttProperties.TOPIC_ALIAS, 1)));

            assertThat(disconnectReason(channel.read())).isEqualTo(0x94);
        }
    }

    @Test
    void anEmptyTopicWithAnAliasNeverSetIsAProtocolError() {
        try (ProtocolHarness channel = ProtocolHarness.start()) {
            connected(channel, MqttVersion.MQTT_5, "unset");
            channel.send(publish("", 0, 0, "x", properties(MqttProperties.TOPIC_ALIAS, 1)));

            assertThat(disconnectReason(channel.read())).isEqualTo(0x82);
        }
    }

    @Test
    void aliasesDoNotCarryOverToTheNextConnection() {
        // [MQTT-3.3.2-7] aliases belong to one network connection, even when the session is resumed.
        try (ProtocolHarness first = ProtocolHarness.start();
                ProtocolHarness second = new ProtocolHarness(first.protocol())) {
            first.send(ClientPackets.connectBuilder(MqttVersion.MQTT_5, "alias")
                    .properties(properties(MqttProperties.SESSION_EXPIRY_INTERVAL, 60)).build());
            first.read(MqttConnAckMessage.class);
            first.send(publish("t", 0, 0, "x", properties(MqttProperties.TOPIC_ALIAS, 1)));
            first.drop();

            second.send(ClientPackets.connectBuilder(MqttVersion.MQTT_5, "alias").cleanSession(false)
                    .properties(properties(MqttProperties.SESSION_EXPIRY_INTERVAL, 60)).build());
            assertThat(second.read(MqttConnAckMessage.class).variableHeader().isSessionPresent()).isTrue();
            second.send(publish("", 0, 0, "y", properties(MqttProperties.TOPIC_ALIAS, 1)));

            assertThat(disconnectReason(second.read())).isEqualTo(0x82);
        }
    }

    @Test
    void theServerAliasesTopicsUpToTheClientsMaximum() {
        // [MQTT-3.1.2-29] [MQTT-3.3.2-11] never an alias above the client's Topic Alias Maximum.
        try (ProtocolHarness subscriber = ProtocolHarness.start();
                ProtocolHarness publisher = new ProtocolHarness(subscriber.protocol())) {
            subscriber.send(ClientPackets.connect(MqttVersion.MQTT_5, "aliased",
                    properties(MqttProperties.TOPIC_ALIAS_MAXIMUM, 1)));
            subscriber.read(MqttConnAckMessage.class);
            subscriber.send(subscribe(1, "a/#", qos(0)));
            subscriber.read();
            connected(publisher, MqttVersion.MQTT_5, "plain");

            publisher.send(publish("a/1", 0, 0, "1"), publish("a/1", 0, 0, "2"), publish("a/2", 0, 0, "3"));

            MqttPublishMessage first = subscriber.read(MqttPublishMessage.class);
            assertThat(first.variableHeader().topicName()).isEqualTo("a/1");
            assertThat(alias(first)).isEqualTo(1);
            MqttPublishMessage second = subscriber.read(MqttPublishMessage.class);
            assertThat(second.variableHeader().topicName()).isEmpty();
            assertThat(alias(second)).isEqualTo(1);
            MqttPublishMessage third = subscriber.read(MqttPublishMessage.class);
            assertThat(third.variableHeader().topicName()).isEqualTo("a/2");
            assertThat(alias(third)).isNull();
        }
    }

    @Test
    void theServerSendsNoAliasToAClientThatAcceptsNone() {
        // [MQTT-3.1.2-30]
        try (ProtocolHarness subscriber = ProtocolHarness.start();
                ProtocolHarness publisher = new ProtocolHarness(subscriber.protocol())) {
            connected(subscriber, MqttVersion.MQTT_5, "unaliased");
            subscriber.send(subscribe(1, "a", qos(0)));
            subscriber.read();
            connected(publisher, MqttVersion.MQTT_5, "plain");

            publisher.send(publish("a", 0, 0, "1"), publish("a", 0, 0, "2"));

            assertThat(alias(subscriber.read(MqttPublishMessage.class))).isNull();
            MqttPublishMessage second = subscriber.read(MqttPublishMessage.class);
            assertThat(second.variableHeader().topicName()).isEqualTo("a");
            assertThat(alias(second)).isNull();
        }
    }

    private static Integer alias(MqttPublishMessage publish) {
        MqttProperties.MqttProperty<?> property =
                publish.variableHeader().properties().getProperty(MqttProperties.TOPIC_ALIAS);
        return property == null ? null : (Integer) property.value();
    }

    private static String topicAndPayload(MqttPublishMessage publish) {
        return publish.variableHeader().topicName() + " " + publish.payload().toString(StandardCharsets.UTF_8);
    }
}
