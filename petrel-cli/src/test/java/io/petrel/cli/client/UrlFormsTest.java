package io.petrel.cli.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.petrel.cli.InProcessCli;
import io.petrel.cli.InProcessCli.Result;
import io.petrel.testkit.LoopbackPorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pub} → {@code sub} round trips over each URL form: mqtt://, mqtts://, ws:// and wss://, against a
 * Mosquitto broker that serves all four with a test CA made by openssl. The server certificate names only
 * {@code localhost}, so connecting to 127.0.0.1 also shows hostname checking and {@code --insecure}.
 */
class UrlFormsTest {
    @TempDir
    static Path dir;
    private static Process mosquitto;
    private static int tcp;
    private static int tls;
    private static int ws;
    private static int wss;

    @BeforeAll
    static void startMosquitto() throws Exception {
        run("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=Petrel test CA");
        run("openssl", "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost");
        Files.writeString(dir.resolve("san.ext"), "subjectAltName=DNS:localhost\n");
        run("openssl", "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "server.pem", "-days", "2", "-extfile", "san.ext");
        String certificates = "cafile " + dir.resolve("ca.pem") + "\ncertfile " + dir.resolve("server.pem")
                + "\nkeyfile " + dir.resolve("server.key") + "\n";
        // Mosquitto cannot bind port 0 and report the port, so it is given free ones; should another process
        // take one first, Mosquitto exits and starts again on others.
        for (int attempt = 1; mosquitto == null; attempt++) {
            List<Integer> ports = LoopbackPorts.free(4);
            tcp = ports.get(0);
            tls = ports.get(1);
            ws = ports.get(2);
            wss = ports.get(3);
            Files.writeString(dir.resolve("mosquitto.conf"), "per_listener_settings false\nallow_anonymous true\n"
                    // Run as root, Mosquitto would switch to its own user, which cannot read the test's temp dir.
                    + "user root\n"
                    + "listener " + tcp + " 127.0.0.1\n"
                    + "listener " + tls + " 127.0.0.1\n" + certificates
                    + "listener " + ws + " 127.0.0.1\nprotocol websockets\n"
                    + "listener " + wss + " 127.0.0.1\nprotocol websockets\n" + certificates);
            Process started = new ProcessBuilder("mosquitto", "-c", dir.resolve("mosquitto.conf").toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
            // It logs "running" once every listener is open, and exits if it cannot bind one.
            await().atMost(Duration.ofSeconds(30)).until(() -> !started.isAlive()
                    || Files.readString(dir.resolve("mosquitto.log")).contains(" running"));
            if (started.isAlive()) {
                mosquitto = started;
            } else {
                assertThat(attempt).as("mosquitto failed to start: %s", Files.readString(dir.resolve("mosquitto.log")))
                        .isLessThan(3);
            }
        }
    }

    @AfterAll
    static void stopMosquitto() throws InterruptedException {
        if (mosquitto != null) {
            mosquitto.destroy();
            mosquitto.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("openssl.log").toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0)
                .as("%s: %s", String.join(" ", command), Files.readString(dir.resolve("openssl.log"))).isTrue();
    }

    private static void roundTrip(String url, String... tlsArgs) throws Exception {
        String topic = "url/" + url.substring(0, url.indexOf(':'));
        String[] sub = PubSubCommandTest.concat(new String[] {"sub", "-L", url, "-t", topic, "-C", "1", "-v", "-q", "1",
            "-i", topic + "-sub"}, tlsArgs);
        CompletableFuture<Result> subscriber = InProcessCli.start(sub);
        // Retained, the message reaches the subscriber whether it subscribed before or after it was sent.
        Result pub = InProcessCli.run(PubSubCommandTest.concat(new String[] {"pub", "-L", url, "-t", topic, "-m", "over " + url,
            "-q", "1", "-r"}, tlsArgs));
        assertThat(pub.exitCode()).as(pub.err()).isZero();
        Result received = subscriber.get(30, TimeUnit.SECONDS);
        assertThat(received.exitCode()).as(received.err()).isZero();
        assertThat(received.out()).isEqualTo(topic + " over " + url + System.lineSeparator());
    }

    @Test
    void mqttUrl() throws Exception {
        roundTrip("mqtt://localhost:" + tcp);
    }

    @Test
    void mqttsUrlWithTheCaFile() throws Exception {
        roundTrip("mqtts://localhost:" + tls, "--cafile", dir.resolve("ca.pem").toString());
    }

    @Test
    void wsUrlWithItsPath() throws Exception {
        roundTrip("ws://localhost:" + ws + "/mqtt");
    }

    @Test
    void wssUrlWithTheCaFile() throws Exception {
        roundTrip("wss://localhost:" + wss, "--cafile", dir.resolve("ca.pem").toString());
    }

    @Test
    void benchRunsOverWebSocketAndTls() throws Exception {
        String ca = dir.resolve("ca.pem").toString();
        for (String url : List.of("ws://localhost:" + ws + "/mqtt", "wss://localhost:" + wss,
                "mqtts://localhost:" + tls)) {
            String base = "bench/" + url.substring(0, url.indexOf(':'));
            Result bench = InProcessCli.run("bench", "fanin", "-L", url, "--cafile", ca, "-c", "2", "-n", "20", "-q", "1",
                    "-t", base + "/%i", "-f", base + "/#", "--json", "--quiet", "-d", "120");

            assertThat(bench.exitCode()).as(url + ": " + bench.err()).isZero();
            JsonNode messages = new ObjectMapper().readTree(bench.out()).get("messages");
            assertThat(messages.get("received").asLong()).as(url).isEqualTo(40);
            assertThat(messages.get("lost").asLong()).as(url).isZero();
        }
    }

    @Test
    void anUntrustedCertificateExitsWith3AndSaysTlsFailed() {
        Result pub = InProcessCli.run("pub", "-L", "mqtts://localhost:" + tls, "-t", "x", "-m", "y");

        assertThat(pub.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(pub.err()).startsWith("petrel pub: cannot connect to mqtts://localhost:" + tls + ": TLS failed")
                .doesNotContain("\tat ");
    }

    @Test
    void aCertificateForAnotherNameIsRefusedUnlessInsecure() {
        String ca = dir.resolve("ca.pem").toString();
        Result strict = InProcessCli.run("pub", "-h", "127.0.0.1", "-p", Integer.toString(tls), "--cafile", ca, "-t", "x",
                "-m", "y");
        Result insecure = InProcessCli.run("pub", "-h", "127.0.0.1", "-p", Integer.toString(tls), "--cafile", ca, "--insecure",
                "-t", "x", "-m", "y");

        assertThat(strict.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(insecure.exitCode()).as(insecure.err()).isZero();
    }
}
