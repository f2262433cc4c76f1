package io.petrel.mqtt.handler;

import static io.petrel.mqtt.handler.ConnectHandlerTest.connected;
import static io.petrel.mqtt.handler.ConnectHandlerTest.disconnectReason;
import static io.petrel.mqtt.listener.ClientPackets.properties;
import static io.petrel.mqtt.listener.ClientPackets.publish;
import static io.petrel.mqtt.listener.ClientPackets.qos;
import static io.petrel.mqtt.listener.ClientPackets.reply;
import static io.petrel.mqtt.listener.ClientPackets.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttPubReplyMessageVariableHeader;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttPublishVariableHeader;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.petrel.mqtt.listener.ClientPackets;
import io.petrel.mqtt.listener.Limits;
import io.petrel.mqtt.listener.ProtocolHarness;
import io.petrel.mqtt.protocol.MqttProtocolConfig;
import io.petrel.mqtt.protocol.ProtocolContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PublishHandlerTest {
    private static final byte[] NOT_UTF8 = {(byte) 0xC3, (byte) 0x28};

    @Test
    void acknowledgesEachQosAsTheSpecificationSays() {
        // [MQTT-3.3.4-1] [MQTT-4.3.2-4] QoS 1 gets PUBACK, [MQTT-4.3.3-8] QoS 2 gets PUBREC, and
        // [MQTT-4.3.3-11] PUBREL gets PUBCOMP, all with the PUBLISH's packet id.
        try (ProtocolHarness channel = ProtocolHarness.start()) {
            connected(channel, MqttVersion.MQTT_5, "acks");

            channel.send(publish("a", 0, 0, "zero"));
            assertThat(channel.read()).isNull();
            channel.send(publish("a", 1, 7, "one"));
            assertReply(channel.read(), MqttMessageType.PUBACK, 7, 0x00);
            channel.send(publish("a", 2, 8, "two"));
            assertReply(channel.read(), MqttMessageType.PUBREC, 8, 0x00);
            channel.send(reply(MqttMessageType.PUBREL, 8));
            assertReply(channel.read(), MqttMessageType.PUBCOMP, 8, 0x00);
        }
    }

    @Test
    void aResentQos2PublishIsAcknowledgedButNotForwardedTwice() {
        // [MQTT-4.3.3-10] until PUBREL, a resend gets another PUBREC and no second delivery.
        try (ProtocolHarness subscriber = ProtocolHarness.start();
                ProtocolHarness publisher = new ProtocolHarness(subscriber.protocol())) {
            connected(subscriber, MqttVersion.MQTT_5, "sub");
            subscriber.send(subscribe(1, "q2", qos(0)));
            subscriber.read();
            connected(publisher, MqttVersion.MQTT_5, "pub");

            publisher.send(publish("q2", 2, 5, "once"), publish("q2", 2, 5, "once"));

            assertReply(publisher.read(), MqttMessageType.PUBREC, 5, 0x00);
            assertReply(publisher.read(), MqttMessageType.PUBREC, 5, 0x00);
            assertThat(subscriber.read(MqttPublishMessage.class).variableHeader().topicName()).isEqualTo("q2");
            assertThat(subscriber.read()).isNull();
        }
    }

    @Test
    void aPacketIdIsNewAgainAfterPubcomp() {
        // [MQTT-4.3.3-12] after PUBCOMP, a PUBLISH with the same packet id is a new publication.
        try (ProtocolHarness subscriber = ProtocolHarness.start();
                ProtocolHarness publisher = new ProtocolHarness(subscriber.protocol())) {
            connected(subscriber, MqttVersion.MQTT_5, "sub");
            subscriber.send(subscribe(1, "again", qos(0)));
            subscriber.read();
            connected(publisher, MqttVersion.MQTT_5, "pub");

            for (String payload : new String[] {"first", "second"}) {
                publisher.send(publish("again", 2, 3, payload));
                assertReply(publisher.read(), MqttMessageType.PUBREC, 3, 0);
                publisher.send(reply(MqttMessageType.PUBREL, 3));
                assertReply(publisher.read(), MqttMessageType.PUBCOMP, 3, 0);
                assertThat(subscriber.read(MqttPublishMessage.class).payload().toString(StandardCharsets.UTF_8))
                        .isEqualTo(payload);
            }
        }
    }

    @Test
    void aPubrecForAnUnknownPacketIdGetsPubrelWithPacketIdentifierNotFound() {
        // §4.3.3: the exchange is completed all the same, with 0x92.
        try (ProtocolHarness channel = ProtocolHarness.start()) {
            connected(channel, MqttVersion.MQTT_5, "pubrec");
            channel.send(reply(MqttMessageType.PUBREC, 42));

            assertReply(channel.read(), MqttMessageType.PUBREL, 42, 0x92);
            assertThat(channel.isOpen()).isTrue();
        }
    }

    @Test
    void anMqtt3PublishTheClientMayNotMakeIsAcknowledgedAndDropped() {
        // MQTT 3.1.1 [MQTT-3.3.5-2]: no way to say no, so a positive acknowledgement, and nobody receives it.
        try (ProtocolHarness subscriber = new ProtocolHarness(
                ProtocolHarness.context(MqttProtocolConfig.defaults(),
                        ProtocolHarness.PUBLISHING_REFUSED));
                ProtocolHarness publisher = new ProtocolHarness(subscriber.protocol())) {
            connected(subscriber, MqttVersion.MQTT_3_1_1, "sub");
            subscriber.send(subscribe(1, "#", qos(1)));
            subscriber.read();
            connected(publisher, MqttVersion.MQTT_3_1_1, "pub");

            publisher.send(publish("forbidden", 1, 9, "x"));

            assertThat(publisher.readHex()).isEqualTo("40020009");
            assertThat(subscriber.read()).isNull();
            assertThat(publisher.isOpen()).isTrue();
            assertThat(publisher.metrics().refusals()).containsEntry("PUBLISH_NOT_AUTHORIZED", 1L);
        }
    }

    @Test
    void anEmptyTopicNameIsInvalid() {
        // [MQTT-4.7.3-1] a topic name has at least one character; MQTT 5 may use a topic alias instead.
        try (ProtocolHarness v5 = ProtocolHarness.start(); ProtocolHarness v311 = ProtocolHarness.start()) {
            connected(v5, MqttVersion.MQTT_5, "empty-5");
            connected(v311, MqttVersion.MQTT_3_1_1, "empty-4");
            v5.send(publish("", 0, 0, "x"));
            v311.send(publish("", 1, 1, "x"));

            assertThat(disconnectReason(v5.read())).isEqualTo(0x90);
            assertThat(v311.read()).isNull();
            assertThat(v311.isOpen()).isFalse();
            assertThat(v311.metrics().closedCount("TOPIC_NAME_INVALID")).isEqualTo(1);
        }
    }

    @Test
    void theSubscriberGetsTheExpiryLessTheTimeTheMessageWaited() {
        // [MQTT-3.3.2-6]
        AtomicLong now = new AtomicLong(1_000_000);
        ProtocolContext context = ProtocolHarness.context(() -> Instant.ofEpochMilli(now.get()));
        try (ProtocolHarness away = new ProtocolHarness(context);
                ProtocolHarness publisher = new ProtocolHarness(context);
                ProtocolHarness back = new ProtocolHarness(context)) {
            MqttProperties persistent = properties(MqttProperties.SESSION_EXPIRY_INTERVAL, 600);
            away.send(ClientPackets.connect(MqttVersion.MQTT_5, "away", persistent));
            away.read();
            away.send(subscribe(1, "expiring", qos(1)));
            away.read();
            away.drop();
            connected(publisher, MqttVersion.MQTT_5, "pub");

            publisher.send(publish("expiring", 1, 1, "x", properties(MqttProperties.PUBLICATION_EXPIRY_INTERVAL, 60)));
            publisher.read();
            now.addAndGet(20_000);
            back.send(ClientPackets.connectBuilder(MqttVersion.MQTT_5, "away")
                    .cleanSession(false).properties(persistent).build());
            back.read();

            MqttPublishMessage delivered = back.read(MqttPublishMessage.class);
            assertThat(delivered.variableHeader().properties()
                    .getProperty(MqttProperties.PUBLICATION_EXPIRY_INTERVAL).value()).isEqualTo(40);
        }
    }

    @Test
    void aPubrelForAnUnknownPacketIdGetsPubcompWithPacketIdentifierNotFound() {
        try (ProtocolHarness channel = ProtocolHarness.start()) {
            connected(channel, MqttVersion.MQTT_5, "pubrel");
            channel.send(reply(MqttMessageType.PUBREL, 99));

            assertReply(channel.read(), MqttMessageType.PUBCOMP, 99, 0x92);
            assertThat(channel.isOpen()).isTrue();
        }
    }

    @Test
    void refusesAQos1PayloadThatIsNotTheUtf8ItClaimsToBe() {
        // §3.3.2.3.2: a payload format indicator of 1 with a payload that is not UTF-8 gets 0x99.
        try (ProtocolHarness channel = ProtocolHarness.start()) {
            connected(channel, MqttVersion.MQTT_5, "pfi");
            channel.send(publish("t", 1, 3, NOT_UTF8, properties(MqttProperties.PAYLOAD_FORMAT_INDICATOR, 1)));

            assertReply(channel.read(), MqttMessageType.PUBACK, 3, 0x99);
            assertThat(channel.isOpen()).isTrue();
            assertThat(channel.metrics().refusals()).containsEntry("PUBLISH_PAYLOAD_FORMAT_INVALID", 1L);
        }
    }

    @Test
    void refusesAQos2PayloadThatIsNotUtf8AndForgetsItsPacketId() {
        // [MQTT-4.3.3-9] after a PUBREC of 0x80 or more, the same packet id starts a new publication.
        try (ProtocolHarness channel = ProtocolHarness.start()) {
            connected(channel, MqttVersion.MQTT_5, "pfi2");
            channel.send(publish("t", 2, 4, NOT_UTF8, properties(MqttProperties.PAYLOAD_FORMAT_INDICATOR, 1)));
            assertReply(channel.read(), MqttMessageType.PUBREC, 4, 0x99);

            channel.send(reply(MqttMessageType.PUBREL, 4));
            assertReply(channel.read(), MqttMessageType.PUBCOMP, 4, 0x92);
        }
    }

    @Test
    void endsTheConnectionOnAQos0PayloadThatIsNotUtf8() {
        try (ProtocolHarness channel = ProtocolHarness.start()) {
            connected(channel, MqttVersion.MQTT_5, "pfi0");
            channel.send(publish("t", 0, 0, NOT_UTF8, properties(MqttProperties.PAYLOAD_FORMAT_INDICATOR, 1)));

            assertThat(disconnectReason(channel.read())).isEqualTo(0x99);
            assertThat(channel.isOpen()).isFalse();
        }
    }

    @Test
    void disconnectsAClientThatExceedsTheReceiveMaximum() {
        // [MQTT-3.3.4-7] a client sends at most Receive Maximum unacknowledged QoS 2 messages; §3.3.4 says
        // the server answers more with DISCONNECT 0x93.
        try (ProtocolHarness channel = ProtocolHarness.start(Limits.receiveMaximum(2))) {
            channel.send(ClientPackets.connect(MqttVersion.MQTT_5, "greedy"));
            MqttConnAckMessage connAck = channel.read(MqttConnAckMessage.class);
            assertThat(connAck.variableHeader().properties().getProperty(MqttProperties.RECEIVE_MAXIMUM).value())
                    .isEqualTo(2);

            channel.send(publish("t", 2, 1, "a"), publish("t", 2, 2, "b"));
            assertReply(channel.read(), MqttMessageType.PUBREC, 1, 0);
            assertReply(channel.read(), MqttMessageType.PUBREC, 2, 0);
            channel.send(publish("t", 2, 3, "c"));

            assertThat(disconnectReason(channel.read())).isEqualTo(0x93);
            assertThat(channel.isOpen()).isFalse();
            assertThat(channel.metrics().closedCount("RECEIVE_MAXIMUM_EXCEEDED")).isEqualTo(1);
        }
    }

    @Test
    void aPubrelMakesRoomUnderTheReceiveMaximum() {
        try (ProtocolHarness channel = ProtocolHarness.start(Limits.receiveMaximum(1))) {
            connected(channel, MqttVersion.MQTT_5, "paced");
            channel.send(publish("t", 2, 1, "a"));
            assertReply(channel.read(), MqttMessageType.PUBREC, 1, 0);
            channel.send(reply(MqttMessageType.PUBREL, 1));
            assertReply(channel.read(), MqttMessageType.PUBCOMP, 1, 0);
            channel.send(publish("t", 2, 2, "b"));

            assertReply(channel.read(), MqttMessageType.PUBREC, 2, 0);
            assertThat(channel.isOpen()).isTrue();
        }
    }

    @Test
    void aSubscriptionIdentifierFromAClientIsAProtocolError() {
        // [MQTT-3.3.4-6] a PUBLISH from a client never carries a Subscription Identifier.
        try (ProtocolHarness channel = ProtocolHarness.start()) {
            connected(channel, MqttVersion.MQTT_5, "subid");
            channel.send(publish("t", 1, 1, "x", properties(MqttProperties.SUBSCRIPTION_IDENTIFIER, 4)));

            assertThat(disconnectReason(channel.read())).isEqualTo(0x82);
        }
    }

    @Test
    void aResponseTopicWithAWildcardIsAProtocolError() {
        // [MQTT-3.3.2-14] a Response Topic contains no wildcard: it is the topic a response is published to.
        MqttProperties properties = new MqttProperties();
        properties.add(new MqttProperties.StringProperty(MqttProperties.RESPONSE_TOPIC, "replies/#"));
        try (ProtocolHarness channel = ProtocolHarness.start()) {
            connected(channel, MqttVersion.MQTT_5, "requester");
            channel.send(publish("requests", 1, 1, "x", properties));

            assertThat(disconnectReason(channel.read())).isEqualTo(0x82);
            assertThat(channel.metrics().closedCount("RESPONSE_TOPIC_INVALID")).isEqualTo(1);
        }
    }

    @Test
    void aQos0PublishWithTheDupFlagIsMalformed() {
        // [MQTT-3.3.1-2] the DUP flag is 0 on every QoS 0 message.
        try (ProtocolHarness channel = ProtocolHarness.start()) {
            connected(channel, MqttVersion.MQTT_5, "dup0");
            channel.send(new MqttPublishMessage(
                    new MqttFixedHeader(MqttMessageType.PUBLISH, true, MqttQoS.AT_MOST_ONCE, false, 0),
                    new MqttPublishVariableHeader("t", -1, MqttProperties.NO_PROPERTIES),
                    Unpooled.copiedBuffer("dup", StandardCharsets.UTF_8)));

            assertThat(disconnectReason(channel.read())).isEqualTo(0x81);
            assertThat(channel.isOpen()).isFalse();
        }
    }

    @Test
    void aRetainedPublishIsRefusedWhenRetainIsUnavailable() {
        // [MQTT-3.2.2-14] a client told Retain Available 0 never sets RETAIN; §3.3.1.3 says the server answers
        // with DISCONNECT 0x9A.
        try (ProtocolHarness channel = ProtocolHarness.start(Limits.retainUnavailable())) {
            channel.send(ClientPackets.connect(MqttVersion.MQTT_5, "retainer"));
            MqttConnAckMessage connAck = channel.read(MqttConnAckMessage.class);
            assertThat(connAck.variableHeader().properties().getProperty(MqttProperties.RETAIN_AVAILABLE).value())
                    .isEqualTo(0);
            channel.send(new MqttPublishMessage(
                    new MqttFixedHeader(MqttMessageType.PUBLISH, false, MqttQoS.AT_MOST_ONCE, true, 0),
                    new MqttPublishVariableHeader("t", -1, MqttProperties.NO_PROPERTIES),
                    Unpooled.copiedBuffer("keep", StandardCharsets.UTF_8)));

            assertThat(disconnectReason(channel.read())).isEqualTo(0x9A);
        }
    }

    static void assertReply(MqttMessage packet, MqttMessageType type, int packetId, int reasonCode) {
        assertThat(packet).as("a " + type).isNotNull();
        assertThat(packet.fixedHeader().messageType()).isEqualTo(type);
        MqttPubReplyMessageVariableHeader header = (MqttPubReplyMessageVariableHeader) packet.variableHeader();
        assertThat(header.messageId()).as("packet id").isEqualTo(packetId);
        assertThat(header.reasonCode() & 0xFF).as("reason code").isEqualTo(reasonCode);
    }
}
