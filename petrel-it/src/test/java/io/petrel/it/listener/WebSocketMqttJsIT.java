package io.petrel.it.listener;

import static org.assertj.core.api.Assertions.assertThat;

import io.petrel.mqtt.listener.ListenerConfig;
import io.petrel.mqtt.listener.ListenerType;
import io.petrel.mqtt.transport.tls.TlsConfig;
import io.petrel.testkit.EmbeddedPetrel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * mqtt.js under Node, the client browsers and Node services use, over ws and wss. The WSS client trusts
 * nothing but the development CA file. scripts/install-test-deps.sh installs mqtt.js from the lock file.
 */
class WebSocketMqttJsIT {
    private static final Path NODE_DIR = Path.of("src/test/node").toAbsolutePath();
    @TempDir
    static Path dataDir;
    private static EmbeddedPetrel petrel;

    @BeforeAll
    static void start() {
        assertThat(NODE_DIR.resolve("node_modules/mqtt"))
                .as("mqtt.js is installed by scripts/install-test-deps.sh").isDirectory();
        List<ListenerConfig> listeners = List.of(
                ListenerConfig.of("ws", ListenerType.WS, EmbeddedPetrel.HOST, 0, null),
                ListenerConfig.of("wss", ListenerType.WSS, EmbeddedPetrel.HOST, 0, TlsConfig.development()));
        petrel = EmbeddedPetrel.withConfig(c -> c.withListeners(listeners).withDataDir(dataDir));
    }

    @AfterAll
    static void stop() {
        petrel.close();
    }

    private static String node(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", "roundtrip.js"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(NODE_DIR.toFile()).redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("node finished").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    @Test
    void mqttJsRoundTripsOverWs() throws Exception {
        assertThat(node("ws://127.0.0.1:" + petrel.port("ws") + "/mqtt")).contains("hello from mqtt.js");
    }

    @Test
    void mqttJsRoundTripsOverWssTrustingTheDevelopmentCa() throws Exception {
        String ca = petrel.server().developmentCertificates().caCertificate().toString();
        assertThat(node("wss://localhost:" + petrel.port("wss") + "/mqtt", ca)).contains("hello from mqtt.js");
    }
}
