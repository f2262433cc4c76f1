package io.petrel.it.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5DisconnectException;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import io.petrel.cli.PetrelCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code petrel serve} as an operator meets it: a mistake in the configuration is one clear line and a non-zero
 * exit, a first start says what it did, and SIGTERM shuts down gracefully and in time.
 */
class ServeCommandIT {
    private static final Duration START = Duration.ofSeconds(60);
    @TempDir
    Path dir;

    /** Runs the command in this JVM and returns its exit status and what it printed to stderr. */
    private static Result inProcess(String... args) {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int status = new CommandLine(new PetrelCommand()).execute(args);
            return new Result(status, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
        }
    }

    private record Result(int status, String stderr) {
    }

    @Test
    void aBadFlagValueIsOneMessageWithKeyValueAndWhatIsAllowed() {
        Result result = inProcess("serve", "--set", "listeners.tls.tls.protocols=TLSv1.1");
        assertThat(result.status()).isEqualTo(2);
        assertThat(result.stderr()).isEqualTo("petrel: invalid configuration: invalid value for "
                + "listeners.tls.tls.protocols: \"TLSv1.1\" (allowed: TLSv1.3 and TLSv1.2)\n");
    }

    @Test
    void aBadFileValueStopsTheStartWithoutAStackTrace() throws Exception {
        Path config = dir.resolve("petrel.yml");
        Files.writeString(config, """
                listeners:
                  ws:
                    path: mqtt
                """);
        Result result = inProcess("serve", "--config", config.toString());
        assertThat(result.status()).isEqualTo(2);
        assertThat(result.stderr()).contains("listeners.ws.path", "\"mqtt\"", "a path starting with /")
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void mutualTlsWithoutAClientCaIsRefused() {
        Result result = inProcess("serve", "--set", "listeners.tls.tls.client-auth=required");
        assertThat(result.status()).isEqualTo(2);
        assertThat(result.stderr()).contains("listeners.tls.tls.client-auth", "listeners.tls.tls.client-ca");
    }

    @Test
    void aBadEnvironmentValueIsRefusedByTheRealProcess() throws Exception {
        try (PetrelProcess petrel = PetrelProcess.start(dir, Map.of("PETREL_LISTENERS_TCP_PORT", "99999"),
                "serve")) {
            assertThat(petrel.exitStatus(START)).isEqualTo(2);
            assertThat(petrel.output()).contains("invalid value for listeners.tcp.port: \"99999\" (allowed: an "
                    + "integer from 0 to 65535)").doesNotContain("Exception", "\tat ");
        }
    }

    @Test
    void aPortInUseIsReportedByListenerWithExitStatus1() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            Result result = inProcess("serve", "--data-dir", dir.toString(), "--port",
                    Integer.toString(taken.getLocalPort()), "--set", "listeners.tls.enabled=false",
                    "--set", "listeners.ws.enabled=false", "--set", "listeners.wss.enabled=false");
            assertThat(result.status()).isEqualTo(1);
            assertThat(result.stderr()).startsWith("petrel: cannot start: listener 'tcp' cannot bind 127.0.0.1:"
                    + taken.getLocalPort()).doesNotContain("\tat ");
        }
    }

    @Test
    void anHttpPortInUseIsReportedWithExitStatus1() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            Result result = inProcess("serve", "--data-dir", dir.toString(), "--port", "0",
                    "--set", "listeners.tls.enabled=false", "--set", "listeners.ws.enabled=false",
                    "--set", "listeners.wss.enabled=false", "--set", "http.port=" + taken.getLocalPort());
            assertThat(result.status()).isEqualTo(1);
            assertThat(result.stderr()).startsWith("petrel: cannot start: the HTTP server cannot bind 127.0.0.1:"
                    + taken.getLocalPort() + ": Address already in use").doesNotContain("\tat ");
        }
    }

    @Test
    void sigtermSendsMqtt5ClientsServerShuttingDownAndExitsWithinTheBound() throws Exception {
        try (PetrelProcess petrel = PetrelProcess.start(dir, Map.of(), "serve", "--data-dir", "data",
                "--port", "0", "--set", "listeners.tls.port=0", "--set", "listeners.ws.port=0",
                "--set", "listeners.wss.port=0", "--set", "http.port=0", "--set", "server.shutdown-timeout=5s")) {
            int port = petrel.port("tcp");
            // The last line of a start, logged once SIGTERM leads to a graceful shutdown.
            petrel.awaitOutput("Listener 'wss': anonymous clients");
            assertThat(petrel.output())
                    .contains("No configuration file", "localhost only", "anonymous clients allowed")
                    .contains("--cafile " + dir.resolve("data/certs/ca.pem").toAbsolutePath());
            assertThat(dir.resolve("data/certs/ca.pem")).exists();

            AtomicReference<Throwable> disconnect = new AtomicReference<>();
            Mqtt5BlockingClient client = MqttClient.builder().useMqttVersion5().identifier("sigterm")
                    .serverHost("127.0.0.1").serverPort(port)
                    .addDisconnectedListener(context -> disconnect.compareAndSet(null, context.getCause()))
                    .buildBlocking();
            client.connect();

            petrel.terminate();
            await().atMost(Duration.ofSeconds(30)).until(() -> disconnect.get() != null);
            assertThat(disconnect.get()).isInstanceOf(Mqtt5DisconnectException.class);
            assertThat(((Mqtt5DisconnectException) disconnect.get()).getMqttMessage().getReasonCode())
                    .isEqualTo(Mqtt5DisconnectReasonCode.SERVER_SHUTTING_DOWN);
            // The bound is the shutdown timeout plus the watchdog's margin; a loaded machine gets some slack.
            petrel.exitStatus(Duration.ofSeconds(5 + 2 + 20));
            assertThat(petrel.output()).contains("Petrel stopped");
        }
    }
}
