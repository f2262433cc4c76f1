package io.petrel.cli.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.petrel.cli.InProcessCli;
import io.petrel.cli.InProcessCli.Result;
import io.petrel.mqtt.listener.ListenerConfig;
import io.petrel.mqtt.listener.ListenerType;
import io.petrel.mqtt.transport.tls.TlsConfig;
import io.petrel.testkit.EmbeddedPetrel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code pub} → {@code sub} round trips and a {@code bench} run over each of Petrel's own listeners: mqtt://,
 * mqtts://, ws:// and wss://, trusting nothing but the development CA the server made.
 */
class PetrelUrlFormsTest {
    @TempDir
    static Path dataDir;
    private static EmbeddedPetrel petrel;
    private static String ca;

    @BeforeAll
    static void start() {
        List<ListenerConfig> listeners = List.of(
                ListenerConfig.tcp("mqtt", EmbeddedPetrel.HOST, 0),
                ListenerConfig.of("mqtts", ListenerType.TLS, EmbeddedPetrel.HOST, 0, TlsConfig.development()),
                ListenerConfig.of("ws", ListenerType.WS, EmbeddedPetrel.HOST, 0, null),
                ListenerConfig.of("wss", ListenerType.WSS, EmbeddedPetrel.HOST, 0, TlsConfig.development()));
        petrel = EmbeddedPetrel.withConfig(c -> c.withListeners(listeners).withDataDir(dataDir));
        ca = petrel.server().developmentCertificates().caCertificate().toString();
    }

    @AfterAll
    static void stop() {
        petrel.close();
    }

    private static String url(String scheme) {
        String path = scheme.startsWith("ws") ? "/mqtt" : "";
        return scheme + "://localhost:" + petrel.port(scheme) + path;
    }

    @ParameterizedTest
    @ValueSource(strings = {"mqtt", "mqtts", "ws", "wss"})
    void pubToSubRoundTrip(String scheme) throws Exception {
        String topic = "forms/" + scheme;
        int before = petrel.engine().subscriptions().size();
        CompletableFuture<Result> sub = InProcessCli.start("sub", "-L", url(scheme), "--cafile", ca, "-t", topic, "-C", "1",
                "-v", "-q", "1");
        await().atMost(Duration.ofSeconds(30)).until(() -> sub.isDone() || petrel.engine().subscriptions().size() > before);

        Result pub = InProcessCli.run("pub", "-L", url(scheme), "--cafile", ca, "-t", topic, "-m", "over " + scheme, "-q", "1");

        assertThat(pub.exitCode()).as(pub.err()).isZero();
        Result received = sub.get(30, TimeUnit.SECONDS);
        assertThat(received.exitCode()).as(received.err()).isZero();
        assertThat(received.out()).isEqualTo(topic + " over " + scheme + System.lineSeparator());
    }

    @ParameterizedTest
    @ValueSource(strings = {"mqtts", "ws", "wss"})
    void benchRunsOverEachListener(String scheme) throws Exception {
        String base = "bench/forms/" + scheme;
        Result bench = InProcessCli.run("bench", "fanin", "-L", url(scheme), "--cafile", ca, "-c", "2", "-n", "25", "-q", "1",
                "-t", base + "/%i", "-f", base + "/#", "--json", "--quiet", "-d", "120");

        assertThat(bench.exitCode()).as(bench.err()).isZero();
        JsonNode messages = new ObjectMapper().readTree(bench.out()).get("messages");
        assertThat(messages.get("received").asLong()).isEqualTo(50);
        assertThat(messages.get("lost").asLong()).isZero();
    }

    @Test
    void theDevelopmentCertificateIsNotTrustedWithoutItsCa() {
        Result pub = InProcessCli.run("pub", "-L", url("mqtts"), "-t", "x", "-m", "y");

        assertThat(pub.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(pub.err()).contains("TLS failed");
    }
}
