package io.petrel.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.petrel.engine.EngineConfig;
import io.petrel.engine.metrics.DropReason;
import io.petrel.engine.session.SessionConfig;
import io.petrel.testkit.EmbeddedPetrel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Flow control end to end, with real clients: a publisher that outruns its subscriber is slowed down instead of
 * having its acknowledged QoS 1 messages dropped, and resumes when the subscriber catches up; a client that
 * publishes to itself, or two that publish to each other, never wait for each other for ever; and a subscriber
 * that takes nothing stops holding publishers back after the slow-consumer timeout.
 */
class FlowControlIT {
    /** Publishers wait once 50 messages are queued for a session; nothing beyond 100 is ever held. */
    private static final int MAX_QUEUED = 100;
    private static final int SUBSCRIBER_WINDOW = 10;
    private static final int MESSAGES = 3_000;

    private EmbeddedPetrel petrel;
    private final List<Mqtt5AsyncClient> clients = new CopyOnWriteArrayList<>();

    private void start(long slowConsumerMillis) {
        petrel = EmbeddedPetrel.withConfig(EmbeddedPetrel.engine(e -> new EngineConfig(
                new SessionConfig(100, MAX_QUEUED, false, SessionConfig.NEVER_EXPIRE, slowConsumerMillis),
                e.sysInterval(), e.version())));
    }

    @AfterEach
    void stop() {
        for (Mqtt5AsyncClient client : clients) {
            client.disconnect().exceptionally(failure -> null).join();
        }
        petrel.close();
    }

    /** A client that takes messages only when told to: it acknowledges nothing until {@link #take} is on. */
    private final class SlowSubscriber {
        final ConcurrentLinkedQueue<Mqtt5Publish> unacknowledged = new ConcurrentLinkedQueue<>();
        final CopyOnWriteArrayList<String> received = new CopyOnWriteArrayList<>();
        final AtomicBoolean take = new AtomicBoolean();
        final Mqtt5AsyncClient client;

        SlowSubscriber(String clientId, String filter) {
            client = Clients.hivemq(petrel, clientId).buildAsync();
            clients.add(client);
            client.connectWith().restrictions().receiveMaximum(SUBSCRIBER_WINDOW).applyRestrictions().send().join();
            client.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).callback(publish -> {
                received.add(StandardCharsets.UTF_8.decode(publish.getPayload().orElseThrow()).toString());
                unacknowledged.add(publish);
                if (take.get()) {
                    acknowledgeAll();
                }
            }).manualAcknowledgement(true).send().join();
        }

        void startTaking() {
            take.set(true);
            acknowledgeAll();
        }

        private void acknowledgeAll() {
            Mqtt5Publish next;
            while ((next = unacknowledged.poll()) != null) {
                next.acknowledge();
            }
        }
    }

    private Mqtt5AsyncClient publisher(String clientId) {
        Mqtt5AsyncClient client = Clients.hivemq(petrel, clientId).buildAsync();
        clients.add(client);
        client.connect().join();
        return client;
    }

    /** Publishes every message at once; the client keeps as many unacknowledged as the server allows. */
    private static CompletableFuture<Void> publishAll(Mqtt5AsyncClient client, String topic, String prefix,
            AtomicInteger acknowledged) {
        return CompletableFuture.allOf(IntStream.range(0, MESSAGES).mapToObj(i -> client.publishWith().topic(topic)
                .qos(MqttQos.AT_LEAST_ONCE).payload(ByteBuffer.wrap((prefix + i).getBytes(StandardCharsets.UTF_8)))
                .send().thenRun(acknowledged::incrementAndGet)).toArray(CompletableFuture[]::new));
    }

    private String metricsPage() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(petrel.httpUrl() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
    }

    private static List<String> expected(String prefix) {
        return IntStream.range(0, MESSAGES).mapToObj(i -> prefix + i).toList();
    }

    @Test
    void aFastPublisherIsPausedForASlowQos1SubscriberAndLosesNothing() throws Exception {
        start(SessionConfig.DEFAULT_SLOW_CONSUMER_MILLIS * 30);
        SlowSubscriber subscriber = new SlowSubscriber("flow-slow-sub", "flow/slow");
        AtomicInteger acknowledged = new AtomicInteger();
        CompletableFuture<Void> published = publishAll(publisher("flow-fast-pub"), "flow/slow", "m", acknowledged);

        await().atMost(Duration.ofSeconds(30)).until(() -> petrel.metrics().publishersPaused() > 0);
        assertThat(metricsPage()).containsPattern("petrel_flow_publishers_paused_total [1-9]");
        // While the subscriber takes nothing, the broker acknowledges only what it can hold: the subscriber's window
        // and its queue. Everything else waits at the publisher, unacknowledged.
        assertThat(acknowledged.get()).isLessThanOrEqualTo(SUBSCRIBER_WINDOW + MAX_QUEUED);
        assertThat(petrel.metrics().queuedMessages()).isLessThanOrEqualTo(MAX_QUEUED);
        assertThat(published).isNotDone();

        subscriber.startTaking();
        await().atMost(Duration.ofSeconds(60)).until(published::isDone);
        await().atMost(Duration.ofSeconds(30)).until(() -> subscriber.received.size() >= MESSAGES);
        assertThat(subscriber.received).containsExactlyElementsOf(expected("m"));
        assertThat(petrel.metrics().droppedTotal()).isZero();
    }

    @Test
    void aClientPublishingToItselfFasterThanItTakesNeverWaitsForItselfForEver() {
        start(SessionConfig.DEFAULT_SLOW_CONSUMER_MILLIS * 30);
        SlowSubscriber self = new SlowSubscriber("flow-self", "flow/self");
        AtomicInteger acknowledged = new AtomicInteger();
        CompletableFuture<Void> published = publishAll(self.client, "flow/self", "s", acknowledged);

        await().atMost(Duration.ofSeconds(30)).until(() -> petrel.metrics().publishersPaused() > 0);
        assertThat(acknowledged.get()).isLessThanOrEqualTo(SUBSCRIBER_WINDOW + MAX_QUEUED);

        // Its PUBACKs still reach the broker while its own PUBLISH packets wait: its session drains.
        self.startTaking();
        await().atMost(Duration.ofSeconds(60)).until(published::isDone);
        await().atMost(Duration.ofSeconds(30)).until(() -> self.received.size() >= MESSAGES);
        assertThat(self.received).containsExactlyElementsOf(expected("s"));
        assertThat(petrel.metrics().droppedTotal()).isZero();
    }

    @Test
    void twoClientsPublishingToEachOtherBothFinish() {
        start(SessionConfig.DEFAULT_SLOW_CONSUMER_MILLIS * 30);
        SlowSubscriber a = new SlowSubscriber("flow-a", "flow/to-a");
        SlowSubscriber b = new SlowSubscriber("flow-b", "flow/to-b");
        AtomicInteger acknowledged = new AtomicInteger();
        CompletableFuture<Void> fromA = publishAll(a.client, "flow/to-b", "a", acknowledged);
        CompletableFuture<Void> fromB = publishAll(b.client, "flow/to-a", "b", acknowledged);

        await().atMost(Duration.ofSeconds(30)).until(() -> petrel.metrics().publishersPaused() >= 2);
        a.startTaking();
        b.startTaking();
        await().atMost(Duration.ofSeconds(60)).until(() -> fromA.isDone() && fromB.isDone());
        await().atMost(Duration.ofSeconds(30)).until(() -> a.received.size() >= MESSAGES && b.received.size() >= MESSAGES);
        assertThat(b.received).containsExactlyElementsOf(expected("a"));
        assertThat(a.received).containsExactlyElementsOf(expected("b"));
        assertThat(petrel.metrics().droppedTotal()).isZero();
    }

    @Test
    void aSubscriberThatTakesNothingStopsHoldingThePublisherBackAfterTheTimeout() {
        start(500);
        SlowSubscriber stuck = new SlowSubscriber("flow-stuck", "flow/stuck");
        AtomicInteger acknowledged = new AtomicInteger();
        CompletableFuture<Void> published = publishAll(publisher("flow-stuck-pub"), "flow/stuck", "x", acknowledged);

        // The publisher waits, then goes on: what the subscriber cannot hold is dropped, and counted.
        await().atMost(Duration.ofSeconds(60)).until(published::isDone);
        assertThat(petrel.metrics().slowConsumers()).isPositive();
        // Every message is in flight to the subscriber, queued for it, or counted as dropped.
        assertThat(petrel.metrics().droppedCount(DropReason.QUEUE_FULL)).isEqualTo(
                MESSAGES - petrel.metrics().inflightMessages() - petrel.metrics().queuedMessages());
        assertThat(petrel.metrics().inflightMessages()).isLessThanOrEqualTo(SUBSCRIBER_WINDOW);
        assertThat(petrel.metrics().queuedMessages()).isLessThanOrEqualTo(MAX_QUEUED);
        assertThat(stuck.received).hasSizeLessThanOrEqualTo(SUBSCRIBER_WINDOW);
    }
}
