package io.petrel.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.datatypes.Mqtt5UserProperty;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PayloadFormatIndicator;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.petrel.engine.metrics.DropReason;
import io.petrel.mqtt.protocol.MqttProtocolConfig;
import io.petrel.testkit.EmbeddedPetrel;
import io.petrel.testkit.ManualClock;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * MQTT 5 features end to end: message expiry, outbound topic aliases, passed-through properties, no local,
 * receive maximum, maximum packet size and subscription identifiers.
 */
class Mqtt5FeaturesIT {
    private static final int SERVER_RECEIVE_MAXIMUM = 50;
    private static final int SERVER_MAX_PACKET_SIZE = 4096;

    private static final ManualClock CLOCK = ManualClock.now();
    private static EmbeddedPetrel petrel;
    private static Mqtt5BlockingClient publisher;

    @BeforeAll
    static void start() {
        MqttProtocolConfig d = MqttProtocolConfig.defaults();
        MqttProtocolConfig protocol = new MqttProtocolConfig(SERVER_MAX_PACKET_SIZE, d.maxClientIdLength(),
                SERVER_RECEIVE_MAXIMUM, d.topicAliasMaximum(), d.maxKeepAliveSeconds(), d.connectTimeoutSeconds(),
                d.retainAvailable(), d.maxPendingBeforeConnect());
        // Message expiry reads the server's clock, which this test moves by hand.
        petrel = EmbeddedPetrel.start(b -> b.config(EmbeddedPetrel.testConfig().withProtocol(protocol)).clock(CLOCK));
        publisher = Clients.hivemqBlocking(petrel, "features-pub");
        publisher.connect();
    }

    @AfterAll
    static void stop() {
        publisher.disconnect();
        petrel.close();
    }

    @Test
    void theRemainingExpiryIsPassedOnAndExpiredMessagesAreNeverDelivered() throws Exception {
        // [MQTT-3.3.2-6] the interval less the time waited; [MQTT-3.3.2-5] an expired message is deleted.
        Mqtt5BlockingClient subscriber = Clients.hivemqBlocking(petrel, "expiry-sub");
        subscriber.connectWith().cleanStart(true).sessionExpiryInterval(300).send();
        subscriber.subscribeWith().topicFilter("expiry/#").qos(MqttQos.AT_LEAST_ONCE).send();
        subscriber.disconnect();

        publisher.publishWith().topic("expiry/short").qos(MqttQos.AT_LEAST_ONCE).messageExpiryInterval(1)
                .payload(Clients.bytes("short")).send();
        publisher.publishWith().topic("expiry/long").qos(MqttQos.AT_LEAST_ONCE).messageExpiryInterval(3600)
                .payload(Clients.bytes("long")).send();
        long droppedBefore = petrel.metrics().droppedCount(DropReason.EXPIRED);
        CLOCK.advance(Duration.ofSeconds(600));

        try (Mqtt5BlockingClient.Mqtt5Publishes publishes = subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
            subscriber.connectWith().cleanStart(false).sessionExpiryInterval(300).send();
            Mqtt5Publish received = receive(publishes);
            assertThat(Clients.text(received.getPayloadAsBytes())).isEqualTo("long");
            assertThat(received.getMessageExpiryInterval()).hasValue(3000);
        }
        assertThat(petrel.metrics().droppedCount(DropReason.EXPIRED)).isEqualTo(droppedBefore + 1);
        subscriber.disconnect();
    }

    @Test
    void propertiesArePassedThroughUnchanged() throws Exception {
        // [MQTT-3.3.2-4] payload format, [MQTT-3.3.2-15] response topic, [MQTT-3.3.2-16] correlation data,
        // [MQTT-3.3.2-17] [MQTT-3.3.2-18] user properties in order, [MQTT-3.3.2-20] content type.
        Mqtt5BlockingClient subscriber = Clients.hivemqBlocking(petrel, "props-sub");
        subscriber.connect();
        try (Mqtt5BlockingClient.Mqtt5Publishes publishes = subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
            subscriber.subscribeWith().topicFilter("props/t").send();
            publisher.publishWith().topic("props/t").payload(Clients.bytes("{}"))
                    .payloadFormatIndicator(Mqtt5PayloadFormatIndicator.UTF_8)
                    .contentType("application/json")
                    .responseTopic("props/reply")
                    .correlationData(Clients.bytes("req-42"))
                    .userProperties().add("b", "2").add("a", "1").add("b", "3").applyUserProperties()
                    .send();

            Mqtt5Publish received = receive(publishes);
            assertThat(received.getPayloadFormatIndicator()).hasValue(Mqtt5PayloadFormatIndicator.UTF_8);
            assertThat(received.getContentType().map(Object::toString)).hasValue("application/json");
            assertThat(received.getResponseTopic().map(Object::toString)).hasValue("props/reply");
            assertThat(received.getCorrelationData().map(Mqtt5FeaturesIT::bytes).map(Clients::text)).hasValue("req-42");
            assertThat(received.getUserProperties().asList()).extracting(Mqtt5UserProperty::toString)
                    .containsExactly("(b, 2)", "(a, 1)", "(b, 3)");
        }
        subscriber.disconnect();
    }

    @Test
    void noLocalWithholdsTheClientsOwnMessages() throws Exception {
        // [MQTT-3.8.3-3]
        Mqtt5BlockingClient client = Clients.hivemqBlocking(petrel, "nolocal");
        client.connect();
        try (Mqtt5BlockingClient.Mqtt5Publishes publishes = client.publishes(MqttGlobalPublishFilter.ALL)) {
            client.subscribeWith().topicFilter("nolocal/t").noLocal(true).send();
            client.publishWith().topic("nolocal/t").payload(Clients.bytes("mine")).send();
            publisher.publishWith().topic("nolocal/t").payload(Clients.bytes("theirs")).send();

            assertThat(Clients.text(receive(publishes).getPayloadAsBytes())).isEqualTo("theirs");
        }
        client.disconnect();
    }

    @Test
    void theServerSendsNoMoreThanTheClientsReceiveMaximum() throws Exception {
        // [MQTT-3.3.4-9] at most Receive Maximum unacknowledged QoS 1 and 2 PUBLISH packets.
        Mqtt5BlockingClient subscriber = Clients.hivemq(petrel, "recvmax-sub").buildBlocking();
        subscriber.connectWith().restrictions().receiveMaximum(2).applyRestrictions().send();
        try (Mqtt5BlockingClient.Mqtt5Publishes publishes = subscriber.publishes(MqttGlobalPublishFilter.ALL, true)) {
            subscriber.subscribeWith().topicFilter("recvmax/t").qos(MqttQos.AT_LEAST_ONCE).send();
            for (int i = 0; i < 5; i++) {
                publisher.publishWith().topic("recvmax/t").qos(MqttQos.AT_LEAST_ONCE)
                        .payload(Clients.bytes(Integer.toString(i))).send();
            }
            Mqtt5Publish first = receive(publishes);
            Mqtt5Publish second = receive(publishes);
            await().atMost(Duration.ofSeconds(5)).until(() -> petrel.metrics().inflightMessages() == 2);
            assertThat(publishes.receiveNow()).as("the window is full").isEmpty();

            first.acknowledge();
            Mqtt5Publish third = receive(publishes);
            assertThat(Clients.text(third.getPayloadAsBytes())).isEqualTo("2");
            second.acknowledge();
            third.acknowledge();
            List<String> rest = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Mqtt5Publish next = receive(publishes);
                rest.add(Clients.text(next.getPayloadAsBytes()));
                next.acknowledge();
            }
            assertThat(rest).containsExactly("3", "4");
        }
        subscriber.disconnect();
    }

    @Test
    void theConnAckAnnouncesTheServersReceiveMaximumAndMaximumPacketSize() {
        Mqtt5BlockingClient client = Clients.hivemqBlocking(petrel, "limits");
        Mqtt5ConnAck ack = client.connect();
        assertThat(ack.getRestrictions().getReceiveMaximum()).isEqualTo(SERVER_RECEIVE_MAXIMUM);
        assertThat(ack.getRestrictions().getMaximumPacketSize()).isEqualTo(SERVER_MAX_PACKET_SIZE);
        // Retained messages are supported, so the CONNACK must not tell clients otherwise [MQTT-3.2.2-14].
        assertThat(ack.getRestrictions().isRetainAvailable()).isTrue();

        // [MQTT-3.2.2-15] the client keeps to the server's maximum packet size.
        assertThatThrownBy(() -> client.publishWith().topic("limits/t").payload(new byte[SERVER_MAX_PACKET_SIZE]).send())
                .hasMessageContaining("maximum packet size");
        client.disconnect();
    }

    @Test
    void aMessageTooLargeForOneSubscriberIsSkippedForThatSubscriberOnly() throws Exception {
        // [MQTT-3.1.2-24] nothing larger than the client's maximum packet size; [MQTT-3.1.2-25] it is dropped
        // for that client as if delivered.
        Mqtt5BlockingClient small = Clients.hivemq(petrel, "maxsize-small").buildBlocking();
        small.connectWith().restrictions().maximumPacketSize(100).applyRestrictions().send();
        Mqtt5BlockingClient large = Clients.hivemqBlocking(petrel, "maxsize-large");
        large.connect();
        long droppedBefore = petrel.metrics().droppedCount(DropReason.TOO_LARGE);
        try (Mqtt5BlockingClient.Mqtt5Publishes smallIn = small.publishes(MqttGlobalPublishFilter.ALL);
                Mqtt5BlockingClient.Mqtt5Publishes largeIn = large.publishes(MqttGlobalPublishFilter.ALL)) {
            small.subscribeWith().topicFilter("maxsize/t").qos(MqttQos.AT_LEAST_ONCE).send();
            large.subscribeWith().topicFilter("maxsize/t").qos(MqttQos.AT_LEAST_ONCE).send();
            publisher.publishWith().topic("maxsize/t").qos(MqttQos.AT_LEAST_ONCE).payload(new byte[500]).send();
            publisher.publishWith().topic("maxsize/t").qos(MqttQos.AT_LEAST_ONCE).payload(Clients.bytes("fits")).send();

            assertThat(receive(largeIn).getPayloadAsBytes()).hasSize(500);
            assertThat(Clients.text(receive(largeIn).getPayloadAsBytes())).isEqualTo("fits");
            assertThat(Clients.text(receive(smallIn).getPayloadAsBytes())).isEqualTo("fits");
        }
        assertThat(petrel.metrics().droppedCount(DropReason.TOO_LARGE)).isEqualTo(droppedBefore + 1);
        small.disconnect();
        large.disconnect();
    }

    @Test
    void topicAliasesAreUsedTowardAClientThatAllowsThem() throws Exception {
        // [MQTT-3.1.2-26] [MQTT-3.3.2-11] never above the client's topic alias maximum; the first message on a
        // topic carries the topic and a new alias, later ones only the alias.
        Paho5Inbox inbox = new Paho5Inbox();
        org.eclipse.paho.mqttv5.client.MqttAsyncClient client = new org.eclipse.paho.mqttv5.client.MqttAsyncClient(
                petrel.tcpUri(), "alias-sub", new org.eclipse.paho.mqttv5.client.persist.MemoryPersistence());
        org.eclipse.paho.mqttv5.client.MqttConnectionOptions options = Clients.paho5Options(true);
        options.setTopicAliasMaximum(2);
        client.setCallback(inbox);
        client.connect(options).waitForCompletion(10_000);
        client.subscribe(new MqttSubscription("alias/#", 0)).waitForCompletion(10_000);
        for (String topic : List.of("alias/one", "alias/one", "alias/two", "alias/three", "alias/one")) {
            publisher.publishWith().topic(topic).payload(Clients.bytes(topic)).send();
        }

        Map<Integer, String> aliases = new HashMap<>();
        for (int i = 0; i < 5; i++) {
            Paho5Inbox.Arrived arrived = inbox.next();
            Integer alias = arrived.message().getProperties().getTopicAlias();
            String topic = arrived.topic();
            if (alias != null && !topic.isEmpty()) {
                aliases.put(alias, topic);
            }
            String resolved = topic.isEmpty() ? aliases.get(alias) : topic;
            assertThat(resolved).isEqualTo(Clients.text(arrived.message().getPayload()));
            if (i == 1 || i == 4) {
                assertThat(topic).as("alias only").isEmpty();
            }
            if (i == 3) {
                assertThat(alias).as("both aliases taken").isNull();
            }
        }
        assertThat(aliases).containsOnlyKeys(1, 2);
        client.disconnect().waitForCompletion(10_000);
        client.close();
    }

    @Test
    void topicAliasesFromAClientAreResolved() throws Exception {
        // [MQTT-3.3.2-12] a client may use aliases up to the server's Topic Alias Maximum from the CONNACK. Paho
        // sends the topic once with a new alias, then the alias alone with an empty topic.
        String topic = "alias/in/" + "long-topic-level/".repeat(20) + "end";
        String other = "alias/in/other";
        org.eclipse.paho.mqttv5.client.MqttClient aliasing = Clients.paho5(petrel, "alias-pub");
        aliasing.connect(Clients.paho5Options(true));
        Mqtt5BlockingClient subscriber = Clients.hivemqBlocking(petrel, "alias-in-sub");
        subscriber.connect();
        int messages = 10;
        try (Mqtt5BlockingClient.Mqtt5Publishes publishes = subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
            subscriber.subscribeWith().topicFilter("alias/in/#").qos(MqttQos.AT_LEAST_ONCE).send();
            long bytesBefore = petrel.metrics().bytesReceived();
            for (int i = 0; i < messages; i++) {
                aliasing.publish(i % 2 == 0 ? topic : other, Clients.bytes(Integer.toString(i)), 1, false);
            }

            for (int i = 0; i < messages; i++) {
                Mqtt5Publish received = receive(publishes);
                assertThat(received.getTopic().toString()).isEqualTo(i % 2 == 0 ? topic : other);
                assertThat(Clients.text(received.getPayloadAsBytes())).isEqualTo(Integer.toString(i));
            }
            // The long topic crossed the wire once: aliases were in use, not topics sent in full every time.
            assertThat(petrel.metrics().bytesReceived() - bytesBefore).isLessThan(2L * topic.length());
        }
        subscriber.disconnect();
        aliasing.disconnect();
        aliasing.close();
    }

    @Test
    void overlappingSubscriptionsDeliverOneCopyWithEverySubscriptionIdentifier() throws Exception {
        // [MQTT-3.3.4-2] the highest QoS; [MQTT-3.3.4-3] [MQTT-3.3.4-4] one copy with all the identifiers.
        Paho5Inbox inbox = new Paho5Inbox();
        org.eclipse.paho.mqttv5.client.MqttAsyncClient client = new org.eclipse.paho.mqttv5.client.MqttAsyncClient(
                petrel.tcpUri(), "subids", new org.eclipse.paho.mqttv5.client.persist.MemoryPersistence());
        client.setCallback(inbox);
        client.connect(Clients.paho5Options(true)).waitForCompletion(10_000);
        subscribe(client, "subids/+", 0, 7);
        subscribe(client, "subids/#", 2, 8);
        subscribe(client, "subids/x", 1, 0);

        publisher.publishWith().topic("subids/x").qos(MqttQos.EXACTLY_ONCE).payload(Clients.bytes("all")).send();
        publisher.publishWith().topic("subids/y/z").qos(MqttQos.EXACTLY_ONCE).payload(Clients.bytes("one")).send();

        MqttMessage all = inbox.next().message();
        assertThat(all.getQos()).isEqualTo(2);
        assertThat(all.getProperties().getSubscriptionIdentifiers()).containsExactlyInAnyOrder(7, 8);
        MqttMessage one = inbox.next().message();
        assertThat(Clients.text(one.getPayload())).as("a single copy of the first").isEqualTo("one");
        assertThat(one.getProperties().getSubscriptionIdentifiers()).containsExactly(8);
        client.disconnect().waitForCompletion(10_000);
        client.close();
    }

    private static void subscribe(org.eclipse.paho.mqttv5.client.MqttAsyncClient client, String filter, int qos,
            int subscriptionId) throws Exception {
        MqttProperties properties = new MqttProperties();
        if (subscriptionId > 0) {
            properties.setSubscriptionIdentifier(subscriptionId);
        }
        client.subscribe(new MqttSubscription[] {new MqttSubscription(filter, qos)}, null, null, properties)
                .waitForCompletion(10_000);
    }

    private static Mqtt5Publish receive(Mqtt5BlockingClient.Mqtt5Publishes publishes) throws InterruptedException {
        return publishes.receive(10, TimeUnit.SECONDS).orElseThrow(() -> new AssertionError("nothing within 10 s"));
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return copy;
    }
}
