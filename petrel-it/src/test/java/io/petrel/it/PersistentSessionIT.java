package io.petrel.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.petrel.engine.metrics.DropReason;
import io.petrel.engine.session.SessionConfig;
import io.petrel.testkit.EmbeddedPetrel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Persistent sessions: queued messages on reconnect, DUP redelivery, the bounded queue. */
class PersistentSessionIT {
    private static EmbeddedPetrel petrel;

    @BeforeAll
    static void start() {
        petrel = EmbeddedPetrel.withConfig(EmbeddedPetrel.engine(e -> new io.petrel.engine.EngineConfig(
                new SessionConfig(100, 20, false, SessionConfig.NEVER_EXPIRE), Duration.ofMillis(200), e.version())));
    }

    @AfterAll
    static void stop() {
        petrel.close();
    }

    @Test
    void messagesPublishedWhileAPaho3ClientIsAwayArriveWhenItReturns() throws Exception {
        Clients.Inbox inbox = new Clients.Inbox();
        MqttClient subscriber = Clients.paho3(petrel, "persistent-v3");
        subscriber.setCallback(callback(inbox));
        subscriber.connect(Clients.paho3Options(false));
        subscriber.subscribe("persist/v3", 2);
        subscriber.disconnect();

        Mqtt5BlockingClient publisher = Clients.hivemqBlocking(petrel, "persistent-pub");
        publisher.connect();
        publisher.publishWith().topic("persist/v3").qos(MqttQos.AT_LEAST_ONCE).payload(Clients.bytes("one")).send();
        publisher.publishWith().topic("persist/v3").qos(MqttQos.EXACTLY_ONCE).payload(Clients.bytes("two")).send();
        publisher.publishWith().topic("persist/v3").qos(MqttQos.AT_MOST_ONCE).payload(Clients.bytes("zero")).send();
        publisher.publishWith().topic("persist/v3").qos(MqttQos.AT_LEAST_ONCE).payload(Clients.bytes("fence")).send();
        publisher.disconnect();

        subscriber.connect(Clients.paho3Options(false));
        // Paho hands a QoS 2 message to the application only once PUBREL arrives, so "two" may come last.
        List<String> payloads = List.of(inbox.next().payload(), inbox.next().payload(), inbox.next().payload());
        assertThat(payloads).as("QoS 0 is not queued for an offline session")
                .containsExactlyInAnyOrder("one", "two", "fence");
        subscriber.disconnect();
        subscriber.close();
    }

    @Test
    void anUnacknowledgedMessageIsResentWithDupOnReconnect() throws Exception {
        // [MQTT-4.4.0-1] unacknowledged PUBLISH packets are resent, [MQTT-3.3.1-1] with DUP set.
        Clients.Inbox inbox = new Clients.Inbox();
        MqttClient subscriber = Clients.paho3(petrel, "persistent-dup");
        subscriber.setManualAcks(true);
        subscriber.setCallback(callback(inbox));
        subscriber.connect(Clients.paho3Options(false));
        subscriber.subscribe("persist/dup", 1);

        Mqtt5BlockingClient publisher = Clients.hivemqBlocking(petrel, "persistent-dup-pub");
        publisher.connect();
        publisher.publishWith().topic("persist/dup").qos(MqttQos.AT_LEAST_ONCE).payload(Clients.bytes("unacked")).send();
        publisher.disconnect();
        Clients.Received first = inbox.next();
        assertThat(first.duplicate()).isFalse();
        subscriber.disconnectForcibly(0, 1000, false);

        MqttClient again = Clients.paho3(petrel, "persistent-dup");
        again.setCallback(callback(inbox));
        again.connect(Clients.paho3Options(false));
        Clients.Received resent = inbox.next();
        assertThat(resent.payload()).isEqualTo("unacked");
        assertThat(resent.duplicate()).isTrue();
        again.disconnect();
        again.close();
        subscriber.close();
    }

    @Test
    void aV5SessionQueuesBoundedAndCountsWhatItDrops() throws Exception {
        Mqtt5BlockingClient subscriber = Clients.hivemqBlocking(petrel, "persistent-bounded");
        subscriber.connectWith().cleanStart(true).sessionExpiryInterval(300).send();
        subscriber.subscribeWith().topicFilter("persist/bounded").qos(MqttQos.AT_LEAST_ONCE).send();
        subscriber.disconnect();
        long droppedBefore = petrel.metrics().droppedCount(DropReason.QUEUE_FULL);

        Mqtt5BlockingClient publisher = Clients.hivemqBlocking(petrel, "persistent-bounded-pub");
        publisher.connect();
        for (int i = 0; i < 25; i++) {
            publisher.publishWith().topic("persist/bounded").qos(MqttQos.AT_LEAST_ONCE)
                    .payload(Clients.bytes(Integer.toString(i))).send();
        }
        publisher.disconnect();
        // Deliveries reach the offline session on its own loop, after the publisher's PUBACK.
        await().atMost(Duration.ofSeconds(10))
                .until(() -> petrel.metrics().droppedCount(DropReason.QUEUE_FULL) - droppedBefore == 5);
        assertSysShowsTheDrops();

        try (Mqtt5BlockingClient.Mqtt5Publishes publishes = subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
            assertThat(subscriber.connectWith().cleanStart(false).sessionExpiryInterval(300).send().isSessionPresent())
                    .isTrue();
            List<String> payloads = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Mqtt5Publish received = publishes.receive(10, TimeUnit.SECONDS).orElseThrow();
                payloads.add(Clients.text(received.getPayloadAsBytes()));
            }
            assertThat(payloads).first().isEqualTo("0");
            assertThat(payloads).last().isEqualTo("19");
        }
        subscriber.disconnect();
    }

    /** A dashboard subscribed to {@code $SYS} sees the drops: Mosquitto's total, and Petrel's by reason. */
    private static void assertSysShowsTheDrops() {
        String queueFull = Long.toString(petrel.metrics().droppedCount(DropReason.QUEUE_FULL));
        Map<String, String> sys = new ConcurrentHashMap<>();
        Mqtt5BlockingClient dashboard = Clients.hivemqBlocking(petrel, "persistent-dashboard");
        dashboard.connect();
        dashboard.toAsync().publishes(MqttGlobalPublishFilter.ALL,
                p -> sys.put(p.getTopic().toString(), Clients.text(p.getPayloadAsBytes())));
        dashboard.subscribeWith().topicFilter("$SYS/petrel/publish/dropped/queue_full").send();
        dashboard.subscribeWith().topicFilter("$SYS/broker/publish/messages/dropped").send();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(sys.get("$SYS/petrel/publish/dropped/queue_full")).isEqualTo(queueFull);
            assertThat(Long.parseLong(sys.getOrDefault("$SYS/broker/publish/messages/dropped", "0")))
                    .isGreaterThanOrEqualTo(Long.parseLong(queueFull));
        });
        dashboard.disconnect();
    }

    private static MqttCallback callback(Clients.Inbox inbox) {
        return new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                inbox.add(topic, message.getPayload(), message.getQos(), message.isRetained(), message.isDuplicate());
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        };
    }
}
