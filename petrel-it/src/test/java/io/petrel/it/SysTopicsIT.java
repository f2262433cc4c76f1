package io.petrel.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import io.petrel.engine.EngineConfig;
import io.petrel.testkit.EmbeddedPetrel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code $SYS} as a dashboard sees it: Mosquitto's topic names, live values, Petrel's own counters. */
class SysTopicsIT {
    /** Topics that Mosquitto 2.0 publishes, as {@code mosquitto_sub -t '$SYS/#' -v} shows them. */
    static final List<String> MOSQUITTO_TOPICS = List.of(
            "$SYS/broker/version", "$SYS/broker/uptime",
            "$SYS/broker/clients/connected", "$SYS/broker/clients/disconnected", "$SYS/broker/clients/total",
            "$SYS/broker/clients/maximum", "$SYS/broker/clients/expired",
            "$SYS/broker/messages/received", "$SYS/broker/messages/sent", "$SYS/broker/messages/stored",
            "$SYS/broker/publish/messages/received", "$SYS/broker/publish/messages/sent",
            "$SYS/broker/publish/messages/dropped", "$SYS/broker/publish/bytes/received",
            "$SYS/broker/publish/bytes/sent", "$SYS/broker/bytes/received", "$SYS/broker/bytes/sent",
            "$SYS/broker/subscriptions/count", "$SYS/broker/shared_subscriptions/count",
            "$SYS/broker/retained messages/count", "$SYS/broker/store/messages/count",
            "$SYS/broker/load/messages/received/1min", "$SYS/broker/load/messages/sent/5min",
            "$SYS/broker/load/publish/received/15min", "$SYS/broker/load/publish/sent/1min",
            "$SYS/broker/load/publish/dropped/1min", "$SYS/broker/load/bytes/received/1min",
            "$SYS/broker/load/bytes/sent/1min", "$SYS/broker/load/connections/1min");

    private static EmbeddedPetrel petrel;

    @BeforeAll
    static void start() {
        petrel = EmbeddedPetrel.withConfig(EmbeddedPetrel.engine(
                e -> new EngineConfig(e.sessions(), Duration.ofMillis(200), e.version())));
    }

    @AfterAll
    static void stop() {
        petrel.close();
    }

    @Test
    void aSysSubscriberSeesMosquittosTopicsWithLiveValues() {
        Map<String, String> seen = new ConcurrentHashMap<>();
        Mqtt5BlockingClient watcher = Clients.hivemqBlocking(petrel, "sys-watcher");
        watcher.connect();
        watcher.toAsync().publishes(MqttGlobalPublishFilter.ALL,
                p -> seen.put(p.getTopic().toString(), Clients.text(p.getPayloadAsBytes())));
        watcher.subscribeWith().topicFilter("$SYS/#").send();

        Mqtt5BlockingClient publisher = Clients.hivemqBlocking(petrel, "sys-publisher");
        publisher.connect();
        publisher.subscribeWith().topicFilter("sys/echo").send();
        publisher.publishWith().topic("sys/echo").payload(Clients.bytes("12345")).send();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(seen).containsKeys(MOSQUITTO_TOPICS.toArray(String[]::new));
            assertThat(seen.get("$SYS/broker/clients/connected")).isEqualTo("2");
            assertThat(Long.parseLong(seen.get("$SYS/broker/publish/messages/received"))).isPositive();
            assertThat(Long.parseLong(seen.get("$SYS/broker/publish/bytes/received"))).isGreaterThanOrEqualTo(5);
            assertThat(Long.parseLong(seen.get("$SYS/broker/bytes/received"))).isPositive();
            assertThat(Long.parseLong(seen.get("$SYS/broker/subscriptions/count"))).isGreaterThanOrEqualTo(2);
        });
        assertThat(seen.get("$SYS/broker/version")).startsWith("petrel version ");
        assertThat(seen.get("$SYS/broker/uptime")).matches("\\d+ seconds");
        assertThat(seen).containsKeys("$SYS/petrel/publish/dropped/queue_full", "$SYS/petrel/messages/queued",
                "$SYS/petrel/messages/inflight", "$SYS/petrel/flow/publishers_paused", "$SYS/petrel/flow/slow_consumers");
        publisher.disconnect();
        watcher.disconnect();
    }

    @Test
    void aHashSubscriberDoesNotReceiveSys() throws Exception {
        // [MQTT-4.7.2-1] '#' does not match topics starting with '$'.
        Mqtt5BlockingClient everything = Clients.hivemqBlocking(petrel, "sys-hash");
        everything.connect();
        try (Mqtt5BlockingClient.Mqtt5Publishes publishes = everything.publishes(MqttGlobalPublishFilter.ALL)) {
            everything.subscribeWith().topicFilter("#").send();
            // Wait for a $SYS round published after the subscribe: a live (not retained-on-subscribe) uptime.
            Mqtt5BlockingClient watcher = Clients.hivemqBlocking(petrel, "sys-hash-watcher");
            watcher.connect();
            try (Mqtt5BlockingClient.Mqtt5Publishes sys = watcher.publishes(MqttGlobalPublishFilter.ALL)) {
                watcher.subscribeWith().topicFilter("$SYS/broker/uptime").send();
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> sys.receive(5, TimeUnit.SECONDS).map(p -> !p.isRetain()).orElse(false));
            }
            watcher.disconnect();
            everything.publishWith().topic("fence").payload(Clients.bytes("fence")).send();

            assertThat(publishes.receive(10, TimeUnit.SECONDS).orElseThrow().getTopic().toString()).isEqualTo("fence");
        }
        everything.disconnect();
    }
}
