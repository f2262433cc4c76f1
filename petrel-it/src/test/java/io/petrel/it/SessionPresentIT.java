package io.petrel.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.petrel.testkit.EmbeddedPetrel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The session present flag for every combination of an old session (none, kept, ending with its connection,
 * still connected) and a new connection's clean start, with Paho for MQTT 3.1.1 and HiveMQ for MQTT 5. The
 * flag must match what the client then gets: a resumed session keeps its subscriptions, a new one has none.
 */
class SessionPresentIT {
    private static EmbeddedPetrel petrel;
    private static Mqtt5BlockingClient publisher;

    @BeforeAll
    static void start() {
        petrel = EmbeddedPetrel.start();
        publisher = Clients.hivemqBlocking(petrel, "present-pub");
        publisher.connect();
    }

    @AfterAll
    static void stop() {
        publisher.disconnect();
        petrel.close();
    }

    @Test
    void mqtt311() throws Exception {
        // MQTT 3.1.1 [MQTT-3.2.2-1] clean session 1: 0; [MQTT-3.2.2-2] clean session 0: 1 if the server has a
        // session, else 0.
        Clients.Inbox inbox = new Clients.Inbox();
        MqttClient client = Clients.paho3(petrel, "present-311");
        client.setCallback(inbox.paho3Callback());
        assertThat(client.connectWithResult(Clients.paho3Options(false)).getSessionPresent()).as("no session yet")
                .isFalse();
        client.subscribe("present/311", 1);
        client.disconnect();
        assertThat(client.connectWithResult(Clients.paho3Options(false)).getSessionPresent()).as("stored session")
                .isTrue();
        assertSubscribed(client, inbox, "present/311", true);
        client.disconnect();

        assertThat(client.connectWithResult(Clients.paho3Options(true)).getSessionPresent()).as("clean session")
                .isFalse();
        assertSubscribed(client, inbox, "present/311", false);
        client.subscribe("present/311", 1);
        client.disconnect();
        assertThat(client.connectWithResult(Clients.paho3Options(false)).getSessionPresent())
                .as("a clean session is not stored").isFalse();
        assertSubscribed(client, inbox, "present/311", false);
        client.disconnect();
        client.close();
    }

    @Test
    void mqtt311Takeover() throws Exception {
        // [MQTT-3.1.4-3] the older connection is closed. A persistent session goes on under the new one; a clean
        // session ended with the old connection, so the new one finds nothing (MQTT 3.1.1 [MQTT-3.1.2-6]).
        Clients.Inbox inbox = new Clients.Inbox();
        MqttClient persistent = Clients.paho3(petrel, "present-takeover-311");
        persistent.connect(Clients.paho3Options(false));
        persistent.subscribe("present/takeover/311", 1);
        MqttClient resuming = Clients.paho3(petrel, "present-takeover-311");
        resuming.setCallback(inbox.paho3Callback());
        assertThat(resuming.connectWithResult(Clients.paho3Options(false)).getSessionPresent()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> !persistent.isConnected());
        assertSubscribed(resuming, inbox, "present/takeover/311", true);
        resuming.disconnect();
        resuming.close();
        persistent.close();

        MqttClient clean = Clients.paho3(petrel, "present-takeover-clean");
        clean.connect(Clients.paho3Options(true));
        clean.subscribe("present/takeover/clean", 1);
        MqttClient next = Clients.paho3(petrel, "present-takeover-clean");
        next.setCallback(inbox.paho3Callback());
        assertThat(next.connectWithResult(Clients.paho3Options(false)).getSessionPresent())
                .as("the clean session ended with the connection taken over").isFalse();
        assertSubscribed(next, inbox, "present/takeover/clean", false);
        next.disconnect();
        next.close();
        clean.close();
    }

    @Test
    void mqtt5() throws Exception {
        // [MQTT-3.2.2-2] Clean Start 1: 0; [MQTT-3.2.2-3] Clean Start 0: 1 if the server has a session, else 0.
        // The HiveMQ client ends its streams of publishes when a CONNACK says the session is new, so each
        // connection opens its own once connected.
        Mqtt5BlockingClient client = Clients.hivemqBlocking(petrel, "present-5");
        assertThat(client.connectWith().cleanStart(false).sessionExpiryInterval(300).send().isSessionPresent())
                .as("no session yet").isFalse();
        client.subscribeWith().topicFilter("present/5").qos(MqttQos.AT_LEAST_ONCE).send();
        client.disconnect();
        try (Mqtt5BlockingClient.Mqtt5Publishes in = client.publishes(MqttGlobalPublishFilter.ALL)) {
            assertThat(client.connectWith().cleanStart(false).sessionExpiryInterval(300).send().isSessionPresent())
                    .as("stored session").isTrue();
            assertSubscribed(client, in, "present/5", true);
            client.disconnect();
        }
        assertThat(client.connectWith().cleanStart(true).sessionExpiryInterval(300).send().isSessionPresent())
                .as("clean start").isFalse();
        try (Mqtt5BlockingClient.Mqtt5Publishes in = client.publishes(MqttGlobalPublishFilter.ALL)) {
            assertSubscribed(client, in, "present/5", false);
            client.subscribeWith().topicFilter("present/5").qos(MqttQos.AT_LEAST_ONCE).send();
            client.disconnectWith().sessionExpiryInterval(0).send();
        }
        assertThat(client.connectWith().cleanStart(false).sessionExpiryInterval(300).send().isSessionPresent())
                .as("the session ended with its connection").isFalse();
        try (Mqtt5BlockingClient.Mqtt5Publishes in = client.publishes(MqttGlobalPublishFilter.ALL)) {
            assertSubscribed(client, in, "present/5", false);
        }
        client.disconnect();
    }

    @Test
    void mqtt5Takeover() throws Exception {
        Mqtt5BlockingClient kept = Clients.hivemqBlocking(petrel, "present-takeover-5");
        kept.connectWith().cleanStart(true).sessionExpiryInterval(300).send();
        kept.subscribeWith().topicFilter("present/takeover/5").qos(MqttQos.AT_LEAST_ONCE).send();
        Mqtt5BlockingClient resuming = Clients.hivemqBlocking(petrel, "present-takeover-5");
        try (Mqtt5BlockingClient.Mqtt5Publishes in = resuming.publishes(MqttGlobalPublishFilter.ALL)) {
            assertThat(resuming.connectWith().cleanStart(false).sessionExpiryInterval(300).send().isSessionPresent())
                    .isTrue();
            assertSubscribed(resuming, in, "present/takeover/5", true);
        }
        resuming.disconnect();

        Mqtt5BlockingClient ending = Clients.hivemqBlocking(petrel, "present-takeover-0");
        ending.connectWith().cleanStart(true).sessionExpiryInterval(0).send();
        ending.subscribeWith().topicFilter("present/takeover/0").qos(MqttQos.AT_LEAST_ONCE).send();
        Mqtt5BlockingClient next = Clients.hivemqBlocking(petrel, "present-takeover-0");
        assertThat(next.connectWith().cleanStart(false).sessionExpiryInterval(300).send().isSessionPresent())
                .as("a session with expiry 0 ended with the connection taken over").isFalse();
        try (Mqtt5BlockingClient.Mqtt5Publishes in = next.publishes(MqttGlobalPublishFilter.ALL)) {
            assertSubscribed(next, in, "present/takeover/0", false);
        }
        next.disconnect();
    }

    /**
     * Whether the client's session holds a subscription to the topic: a probe published there arrives before a
     * fence published next to a topic the client subscribes to now, or only the fence arrives.
     */
    private static void assertSubscribed(MqttClient client, Clients.Inbox inbox, String topic, boolean subscribed)
            throws Exception {
        String fence = "fence/" + client.getClientId();
        client.subscribe(fence, 1);
        probeThenFence(topic, fence);
        if (subscribed) {
            assertThat(inbox.next().topic()).as("the subscription was kept").isEqualTo(topic);
        }
        assertThat(inbox.next().topic()).as(subscribed ? "the fence" : "no subscription").isEqualTo(fence);
    }

    private static void assertSubscribed(Mqtt5BlockingClient client, Mqtt5BlockingClient.Mqtt5Publishes in,
            String topic, boolean subscribed) throws Exception {
        String fence = "fence/" + client.getConfig().getClientIdentifier().orElseThrow();
        client.subscribeWith().topicFilter(fence).qos(MqttQos.AT_LEAST_ONCE).send();
        probeThenFence(topic, fence);
        if (subscribed) {
            assertThat(next(in).getTopic().toString()).as("the subscription was kept").isEqualTo(topic);
        }
        assertThat(next(in).getTopic().toString()).as(subscribed ? "the fence" : "no subscription").isEqualTo(fence);
    }

    private static void probeThenFence(String topic, String fence) {
        publisher.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(Clients.bytes("probe")).send();
        publisher.publishWith().topic(fence).qos(MqttQos.AT_LEAST_ONCE).payload(Clients.bytes("fence")).send();
    }

    private static Mqtt5Publish next(Mqtt5BlockingClient.Mqtt5Publishes in) throws InterruptedException {
        return in.receive(10, TimeUnit.SECONDS).orElseThrow(() -> new AssertionError("nothing within 10 s"));
    }
}
