package io.petrel.it.durable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.petrel.api.store.BrokerStore;
import io.petrel.api.store.PendingWill;
import io.petrel.api.store.StoreException;
import io.petrel.server.ServerStartException;
import io.petrel.server.store.StoreConfig;
import io.petrel.testkit.EmbeddedPetrel;
import io.petrel.testkit.ManualClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durable state across a clean restart of an in-process server on SQLite: sessions with their subscriptions
 * and queues, retained messages, and session expiry that keeps counting while the server is down. The crash
 * case, with {@code kill -9}, is {@link CrashRecoveryIT}.
 */
class DurableRestartIT {
    @TempDir
    Path dataDir;

    private final ManualClock clock = ManualClock.now();

    private EmbeddedPetrel start() {
        return EmbeddedPetrel.start(builder -> builder.clock(clock).config(EmbeddedPetrel.testConfig()
                .withDataDir(dataDir).withStore(StoreConfig.defaults())));
    }

    @Test
    void anOfflineSessionKeepsItsSubscriptionAndQueueAcrossARestart() throws Exception {
        try (EmbeddedPetrel petrel = start()) {
            Mqtt5BlockingClient subscriber = client(petrel, "durable-sub");
            assertThat(connect(subscriber, false, 3600).isSessionPresent()).isFalse();
            subscriber.subscribeWith().topicFilter("orders/#").qos(MqttQos.EXACTLY_ONCE).send();
            subscriber.disconnect();

            Mqtt5BlockingClient publisher = client(petrel, "durable-pub");
            publisher.connect();
            for (int i = 0; i < 50; i++) {
                publisher.publishWith().topic("orders/" + i).qos(i % 2 == 0 ? MqttQos.AT_LEAST_ONCE
                        : MqttQos.EXACTLY_ONCE).payload(bytes("order " + i)).send();
            }
            publisher.publishWith().topic("config/mode").retain(true).qos(MqttQos.AT_LEAST_ONCE)
                    .payload(bytes("eco")).send();
            publisher.disconnect();
        }

        try (EmbeddedPetrel petrel = start()) {
            Mqtt5BlockingClient subscriber = client(petrel, "durable-sub");
            try (Mqtt5BlockingClient.Mqtt5Publishes publishes = subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
                assertThat(connect(subscriber, false, 3600).isSessionPresent()).isTrue();
                List<String> received = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    received.add(text(publishes.receive(30, TimeUnit.SECONDS).orElseThrow()));
                }
                // [MQTT-4.6.0-5] the queue leaves in the order it was published, across both QoS levels. The
                // HiveMQ client hands a QoS 2 message to the application at its PUBLISH, not at the PUBREL, so
                // what it receives is the order of the PUBLISH packets.
                assertThat(received).containsExactlyElementsOf(orders(0, 50, 1));
                // The subscription itself came back: a new message reaches the session without a SUBSCRIBE.
                Mqtt5BlockingClient publisher = client(petrel, "durable-pub");
                publisher.connect();
                publisher.publishWith().topic("orders/after").qos(MqttQos.AT_LEAST_ONCE).payload(bytes("after"))
                        .send();
                assertThat(text(publishes.receive(30, TimeUnit.SECONDS).orElseThrow())).isEqualTo("after");
                // Nothing of the queue comes twice: the next message is a later one.
                publisher.publishWith().topic("orders/marker").qos(MqttQos.AT_LEAST_ONCE).payload(bytes("marker"))
                        .send();
                assertThat(text(publishes.receive(30, TimeUnit.SECONDS).orElseThrow())).isEqualTo("marker");
                publisher.disconnect();
            }
            subscriber.disconnect();

            Mqtt5BlockingClient late = client(petrel, "late-sub");
            late.connect();
            try (Mqtt5BlockingClient.Mqtt5Publishes publishes = late.publishes(MqttGlobalPublishFilter.ALL)) {
                late.subscribeWith().topicFilter("config/+").qos(MqttQos.AT_LEAST_ONCE).send();
                Mqtt5Publish retained = publishes.receive(30, TimeUnit.SECONDS).orElseThrow();
                assertThat(retained.isRetain()).isTrue();
                assertThat(text(retained)).isEqualTo("eco");
            }
            late.disconnect();
        }
    }

    @Test
    void sessionExpiryKeepsCountingWhileTheServerIsDown() throws Exception {
        try (EmbeddedPetrel petrel = start()) {
            for (String id : List.of("short-lived", "long-lived")) {
                Mqtt5BlockingClient client = client(petrel, id);
                connect(client, false, id.equals("short-lived") ? 600 : 7200);
                client.subscribeWith().topicFilter("x/" + id).send();
                client.disconnect();
            }
        }
        // An hour passes between the disconnect and the restart.
        clock.advance(Duration.ofHours(1));
        try (EmbeddedPetrel petrel = start()) {
            assertThat(connect(client(petrel, "short-lived"), false, 600).isSessionPresent()).isFalse();
            assertThat(connect(client(petrel, "long-lived"), false, 7200).isSessionPresent()).isTrue();
        }
    }

    @Test
    void aWillWaitingForItsDelayIsPublishedAfterARestartUnlessItsClientCameBack() throws Exception {
        try (EmbeddedPetrel petrel = start()) {
            for (String id : List.of("will-due", "will-cancelled")) {
                Mqtt5BlockingClient client = client(petrel, id);
                client.connectWith().cleanStart(true).sessionExpiryInterval(3600).willPublish().topic("wills/" + id)
                        .payload(bytes(id + " is gone")).delayInterval(id.equals("will-due") ? 2 : 3600)
                        .applyWillPublish().send();
                client.disconnectWith().reasonCode(Mqtt5DisconnectReasonCode.DISCONNECT_WITH_WILL_MESSAGE).send();
            }
            BrokerStore store = petrel.server().store();
            await(store.flush());
            List<PendingWill> stored = new ArrayList<>();
            store.loadWills(stored::add);
            assertThat(stored).extracting(PendingWill::clientId).containsExactlyInAnyOrder("will-due", "will-cancelled");
        }
        try (EmbeddedPetrel petrel = start()) {
            Mqtt5BlockingClient back = client(petrel, "will-cancelled");
            assertThat(connect(back, false, 3600).isSessionPresent()).isTrue();
            Mqtt5BlockingClient watcher = client(petrel, "will-watcher");
            watcher.connect();
            try (Mqtt5BlockingClient.Mqtt5Publishes publishes = watcher.publishes(MqttGlobalPublishFilter.ALL)) {
                watcher.subscribeWith().topicFilter("wills/#").send();
                Mqtt5Publish will = publishes.receive(30, TimeUnit.SECONDS).orElseThrow();
                assertThat(will.getTopic().toString()).isEqualTo("wills/will-due");
            }
            BrokerStore store = petrel.server().store();
            await(store.flush());
            List<PendingWill> left = new ArrayList<>();
            store.loadWills(left::add);
            assertThat(left).as("the published will and the cancelled one are gone from the store").isEmpty();
            back.disconnect();
            watcher.disconnect();
        }
    }

    @Test
    void aSecondServerOnTheSameDataDirectoryIsRefused() {
        try (EmbeddedPetrel petrel = start()) {
            assertThatThrownBy(this::start).isInstanceOf(ServerStartException.class)
                    .hasMessageContaining("is already in use by another Petrel server")
                    .hasCauseInstanceOf(StoreException.class);
            assertThat(petrel.port()).isPositive();
        }
    }

    private static void await(java.util.concurrent.CompletionStage<Void> stage) throws Exception {
        stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private static Mqtt5ConnAck connect(Mqtt5BlockingClient client, boolean cleanStart, long expirySeconds) {
        return client.connectWith().cleanStart(cleanStart).sessionExpiryInterval(expirySeconds).send();
    }

    private static Mqtt5BlockingClient client(EmbeddedPetrel petrel, String id) {
        return MqttClient.builder().useMqttVersion5().identifier(id).serverHost(petrel.host())
                .serverPort(petrel.port()).buildBlocking();
    }

    private static List<String> orders(int from, int to, int step) {
        List<String> orders = new ArrayList<>();
        for (int i = from; i < to; i += step) {
            orders.add("order " + i);
        }
        return orders;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Mqtt5Publish publish) {
        return new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8);
    }
}
