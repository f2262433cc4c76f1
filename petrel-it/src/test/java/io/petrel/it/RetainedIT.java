package io.petrel.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5RetainHandling;
import io.petrel.testkit.EmbeddedPetrel;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Retained messages: stored, replaced, cleared, sent on subscribe; MQTT 5 retain handling and RAP. */
class RetainedIT {
    private static EmbeddedPetrel petrel;
    private static Mqtt5BlockingClient publisher;

    @BeforeAll
    static void start() {
        petrel = EmbeddedPetrel.start();
        publisher = Clients.hivemqBlocking(petrel, "retained-pub");
        publisher.connect();
    }

    @AfterAll
    static void stop() {
        publisher.disconnect();
        petrel.close();
    }

    @Test
    void aNewSubscriberGetsTheLatestRetainedMessageWithRetainSet() throws Exception {
        // [MQTT-3.3.1-5] replaced by the latest; MQTT 3.1.1 [MQTT-3.3.1-8]: RETAIN 1 when sent on subscribe.
        retain("retained/a", "first");
        retain("retained/a", "latest");

        Clients.Inbox inbox = new Clients.Inbox();
        MqttClient v3 = Clients.paho3(petrel, "retained-v3");
        v3.connect(Clients.paho3Options(true));
        v3.subscribe("retained/+", 1, (t, m) -> inbox.add(t, m.getPayload(), m.getQos(), m.isRetained(), m.isDuplicate()));
        Clients.Received received = inbox.next();
        assertThat(received.payload()).isEqualTo("latest");
        assertThat(received.retained()).isTrue();

        // MQTT 3.1.1 [MQTT-3.3.1-9]: RETAIN 0 for a message that matches an established subscription.
        retain("retained/a", "live");
        Clients.Received live = inbox.next();
        assertThat(live.payload()).isEqualTo("live");
        assertThat(live.retained()).isFalse();
        v3.disconnect();
        v3.close();
    }

    @Test
    void anEmptyRetainedPayloadClearsIt() throws Exception {
        // [MQTT-3.3.1-6] [MQTT-3.3.1-7]
        retain("retained/cleared", "gone soon");
        retain("retained/cleared", "");
        retain("retained/fence", "fence");

        Mqtt5BlockingClient subscriber = Clients.hivemqBlocking(petrel, "retained-cleared");
        subscriber.connect();
        try (Mqtt5BlockingClient.Mqtt5Publishes publishes = subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
            subscriber.subscribeWith().topicFilter("retained/cleared").qos(MqttQos.AT_LEAST_ONCE).send();
            subscriber.subscribeWith().topicFilter("retained/fence").qos(MqttQos.AT_LEAST_ONCE).send();
            assertThat(Clients.text(receive(publishes).getPayloadAsBytes())).isEqualTo("fence");
        }
        subscriber.disconnect();
        assertThat(petrel.engine().retained().get("retained/cleared")).isNull();
    }

    @Test
    void retainHandlingDecidesWhatASubscribeGets() throws Exception {
        // [MQTT-3.3.1-9] 0: on every subscribe; [MQTT-3.3.1-10] 1: only for a new subscription;
        // [MQTT-3.3.1-11] 2: never.
        retain("handling/x", "r");
        Mqtt5BlockingClient subscriber = Clients.hivemqBlocking(petrel, "retained-handling");
        subscriber.connect();
        try (Mqtt5BlockingClient.Mqtt5Publishes publishes = subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
            subscriber.subscribeWith().topicFilter("handling/#").retainHandling(Mqtt5RetainHandling.DO_NOT_SEND).send();
            subscriber.subscribeWith().topicFilter("handling/+").retainHandling(Mqtt5RetainHandling.SEND_IF_SUBSCRIPTION_DOES_NOT_EXIST).send();
            subscriber.subscribeWith().topicFilter("handling/+").retainHandling(Mqtt5RetainHandling.SEND_IF_SUBSCRIPTION_DOES_NOT_EXIST).send();
            subscriber.subscribeWith().topicFilter("handling/x").retainHandling(Mqtt5RetainHandling.SEND).send();
            subscriber.subscribeWith().topicFilter("handling/x").retainHandling(Mqtt5RetainHandling.SEND).send();
            retain("handling/fence", "fence");

            assertThat(Clients.text(receive(publishes).getPayloadAsBytes())).as("handling/+ the first time").isEqualTo("r");
            assertThat(Clients.text(receive(publishes).getPayloadAsBytes())).as("handling/x").isEqualTo("r");
            assertThat(Clients.text(receive(publishes).getPayloadAsBytes())).as("handling/x again").isEqualTo("r");
            assertThat(Clients.text(receive(publishes).getPayloadAsBytes())).isEqualTo("fence");
        }
        subscriber.disconnect();
    }

    @Test
    void retainAsPublishedKeepsTheFlagOnForwardedMessages() throws Exception {
        // [MQTT-3.3.1-12] RAP 0 clears RETAIN; [MQTT-3.3.1-13] RAP 1 keeps it.
        Mqtt5BlockingClient keeping = Clients.hivemqBlocking(petrel, "retained-rap1");
        Mqtt5BlockingClient clearing = Clients.hivemqBlocking(petrel, "retained-rap0");
        keeping.connect();
        clearing.connect();
        try (Mqtt5BlockingClient.Mqtt5Publishes kept = keeping.publishes(MqttGlobalPublishFilter.ALL);
                Mqtt5BlockingClient.Mqtt5Publishes cleared = clearing.publishes(MqttGlobalPublishFilter.ALL)) {
            keeping.subscribeWith().topicFilter("rap/t").retainAsPublished(true)
                    .retainHandling(Mqtt5RetainHandling.DO_NOT_SEND).send();
            clearing.subscribeWith().topicFilter("rap/t").retainHandling(Mqtt5RetainHandling.DO_NOT_SEND).send();
            retain("rap/t", "flagged");

            assertThat(receive(kept).isRetain()).isTrue();
            assertThat(receive(cleared).isRetain()).isFalse();
        }
        keeping.disconnect();
        clearing.disconnect();
    }

    private static void retain(String topic, String payload) {
        publisher.publishWith().topic(topic).retain(true).qos(MqttQos.AT_LEAST_ONCE).payload(Clients.bytes(payload)).send();
    }

    private static Mqtt5Publish receive(Mqtt5BlockingClient.Mqtt5Publishes publishes) throws InterruptedException {
        return publishes.receive(10, TimeUnit.SECONDS).orElseThrow(() -> new AssertionError("nothing within 10 s"));
    }
}
