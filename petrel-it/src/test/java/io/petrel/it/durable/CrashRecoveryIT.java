package io.petrel.it.durable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durability promise under a real crash: a server in its own process takes sustained QoS 1 and QoS 2
 * load from real clients to persistent subscribers, is killed with {@code kill -9} mid-stream and restarted
 * on the same data. Every message whose publisher got its PUBACK (QoS 1) or completed its handshake after a
 * PUBREC (QoS 2) is delivered: QoS 1 at least once, QoS 2 exactly once. Sessions, subscriptions and retained
 * messages come back, and session expiry keeps counting while the server is down.
 */
class CrashRecoveryIT {
    private static final int PER_PUBLISHER = 20_000;
    private static final int WINDOW = 64;

    @TempDir
    Path dataDir;

    private final List<Process> servers = new ArrayList<>();
    private final Map<String, AtomicInteger> receivedQos1 = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> receivedQos2 = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> receivedOffline = new ConcurrentHashMap<>();
    private final Set<String> ackedQos1 = ConcurrentHashMap.newKeySet();
    private final Set<String> ackedQos2 = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean publishing = new AtomicBoolean(true);
    /** The port the first server got; the restarted one takes it again, since the clients stay with it. */
    private int port;

    @AfterEach
    void stopServers() throws InterruptedException {
        for (Process server : servers) {
            server.destroyForcibly();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void nothingAcknowledgedIsLostWhenTheServerIsKilled() throws Exception {
        Process first = startServer();
        Mqtt5AsyncClient sub1 = subscriber("crash-sub-q1", "load/q1/#", MqttQos.AT_LEAST_ONCE, receivedQos1);
        Mqtt5AsyncClient sub2 = subscriber("crash-sub-q2", "load/q2/#", MqttQos.EXACTLY_ONCE, receivedQos2);
        // Offline through the whole load: everything for it waits in its queue on disk when the server dies.
        Mqtt5AsyncClient offline = subscriber("crash-sub-offline", "load/#", MqttQos.EXACTLY_ONCE, receivedOffline);
        offline.disconnect().join();
        Mqtt5BlockingClient expiring = blocking("crash-expiring");
        expiring.connectWith().cleanStart(true).sessionExpiryInterval(3).send();
        expiring.subscribeWith().topicFilter("load/q1/#").qos(MqttQos.AT_LEAST_ONCE).send();
        expiring.disconnect();
        long expiringLeftAt = System.currentTimeMillis();
        Mqtt5BlockingClient retainer = blocking("crash-retainer");
        retainer.connect();
        retainer.publishWith().topic("crash/retained").retain(true).qos(MqttQos.AT_LEAST_ONCE)
                .payload(bytes("kept")).send();
        retainer.disconnect();

        Thread q1 = publisher("crash-pub-q1", "load/q1/", MqttQos.AT_LEAST_ONCE, ackedQos1);
        Thread q2 = publisher("crash-pub-q2", "load/q2/", MqttQos.EXACTLY_ONCE, ackedQos2);
        await().atMost(Duration.ofMinutes(2)).until(() -> ackedQos1.size() >= 500 && ackedQos2.size() >= 500);

        first.destroyForcibly(); // SIGKILL: no shutdown hook, no final commit
        first.waitFor(30, TimeUnit.SECONDS);
        publishing.set(false);
        q1.join(TimeUnit.MINUTES.toMillis(1));
        q2.join(TimeUnit.MINUTES.toMillis(1));
        Set<String> acked1 = Set.copyOf(ackedQos1);
        Set<String> acked2 = Set.copyOf(ackedQos2);
        long pending1 = acked1.stream().filter(id -> !receivedQos1.containsKey(id)).count();
        long pending2 = acked2.stream().filter(id -> !receivedQos2.containsKey(id)).count();
        System.out.printf("crash: killed after %d QoS 1 and %d QoS 2 acknowledged messages; %d and %d of them not "
                + "yet delivered to the online subscribers, %d to the offline one%n", acked1.size(), acked2.size(),
                pending1, pending2, acked1.size() + acked2.size() - receivedOffline.size());
        await().atMost(Duration.ofSeconds(10)).until(() -> System.currentTimeMillis() - expiringLeftAt > 3_500);

        startServer();
        // The subscribers outlived the broker, with their own session state: exactly once needs both sides'
        // state, and a client that forgot which QoS 2 packet ids it had received would take the broker's
        // resend as a new message.
        reconnect(sub1);
        reconnect(sub2);
        reconnect(offline);
        // The subscriptions came back with the sessions: these markers arrive without a new SUBSCRIBE, after
        // everything queued before them.
        Mqtt5BlockingClient marker = blocking("crash-marker");
        marker.connect();
        marker.publishWith().topic("load/q1/marker").qos(MqttQos.AT_LEAST_ONCE).payload(bytes("marker")).send();
        marker.publishWith().topic("load/q2/marker").qos(MqttQos.EXACTLY_ONCE).payload(bytes("marker")).send();
        await().atMost(Duration.ofMinutes(3)).until(() -> receivedQos1.containsKey("marker")
                && receivedQos2.containsKey("marker") && receivedOffline.containsKey("marker"));

        assertThat(receivedQos1.keySet()).containsAll(acked1);
        assertThat(receivedQos2.keySet()).containsAll(acked2);
        assertThat(receivedOffline.keySet()).containsAll(acked1).containsAll(acked2);
        assertThat(receivedQos2).allSatisfy((id, count) -> assertThat(count.get()).as("QoS 2 copies of %s", id)
                .isEqualTo(1));
        // The offline subscriber got QoS 1 messages at QoS 1 (at least once) and QoS 2 ones exactly once.
        assertThat(receivedOffline).allSatisfy((id, count) -> {
            if (id.startsWith("load/q2/")) {
                assertThat(count.get()).as("QoS 2 copies of %s for the offline session", id).isEqualTo(1);
            }
        });
        assertThat(blocking("crash-expiring").connectWith().cleanStart(false).sessionExpiryInterval(3).send()
                .isSessionPresent()).as("a session whose expiry passed while the server was down").isFalse();

        Mqtt5BlockingClient late = blocking("crash-late");
        late.connect();
        try (Mqtt5BlockingClient.Mqtt5Publishes publishes = late.publishes(
                com.hivemq.client.mqtt.MqttGlobalPublishFilter.ALL)) {
            late.subscribeWith().topicFilter("crash/#").send();
            Mqtt5Publish retained = publishes.receive(30, TimeUnit.SECONDS).orElseThrow();
            assertThat(new String(retained.getPayloadAsBytes(), StandardCharsets.UTF_8)).isEqualTo("kept");
        }
        late.disconnect();
        marker.disconnect();
        sub1.disconnect();
        sub2.disconnect();
        offline.disconnect();
    }

    private Process startServer() throws IOException {
        Path log = dataDir.resolve("server-" + servers.size() + ".log");
        Process server = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-Xmx512m",
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                CrashServerMain.class.getName(), dataDir.resolve("data").toString(), Integer.toString(port))
                .redirectError(log.toFile()).start();
        servers.add(server);
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(),
                StandardCharsets.UTF_8));
        // Log lines may come first; the server ends the wait either way, by getting ready or by exiting.
        List<String> output = new ArrayList<>();
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("ready ")) {
            output.add(line);
        }
        assertThat(line).as("server output:%n%s%nits log:%n%s", String.join("\n", output),
                Files.exists(log) ? Files.readString(log) : "").startsWith("ready ");
        port = Integer.parseInt(line.substring("ready ".length()));
        Thread.ofPlatform().daemon().start(() -> out.lines().forEach(ignored -> { }));
        return server;
    }

    private Mqtt5AsyncClient subscriber(String id, String filter, MqttQos qos, Map<String, AtomicInteger> received) {
        Mqtt5AsyncClient client = MqttClient.builder().useMqttVersion5().identifier(id).serverHost("127.0.0.1")
                .serverPort(port).buildAsync();
        client.publishes(com.hivemq.client.mqtt.MqttGlobalPublishFilter.ALL, publish -> received
                .computeIfAbsent(new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8),
                        key -> new AtomicInteger()).incrementAndGet());
        client.connectWith().cleanStart(true).sessionExpiryInterval(3600).send().join();
        client.subscribeWith().topicFilter(filter).qos(qos).send().join();
        return client;
    }

    private static void reconnect(Mqtt5AsyncClient subscriber) {
        boolean present = subscriber.connectWith().cleanStart(false).sessionExpiryInterval(3600).send().join()
                .isSessionPresent();
        assertThat(present).as("session present after the restart").isTrue();
    }

    private Thread publisher(String id, String prefix, MqttQos qos, Set<String> acked) {
        Mqtt5AsyncClient client = MqttClient.builder().useMqttVersion5().identifier(id).serverHost("127.0.0.1")
                .serverPort(port).buildAsync();
        client.connect().join();
        return Thread.ofPlatform().name(id).start(() -> {
            Semaphore window = new Semaphore(WINDOW);
            for (int i = 0; i < PER_PUBLISHER && publishing.get(); i++) {
                try {
                    if (!window.tryAcquire(5, TimeUnit.SECONDS)) {
                        continue;
                    }
                } catch (InterruptedException e) {
                    return;
                }
                String payload = prefix + i;
                client.publishWith().topic(prefix + (i % 16)).qos(qos).payload(bytes(payload)).send()
                        .whenComplete((result, failure) -> {
                            if (failure == null && result.getError().isEmpty()) {
                                acked.add(payload);
                            }
                            window.release();
                        });
            }
        });
    }

    private Mqtt5BlockingClient blocking(String id) {
        return MqttClient.builder().useMqttVersion5().identifier(id).serverHost("127.0.0.1").serverPort(port)
                .buildBlocking();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
