package io.petrel.cli.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.petrel.cli.InProcessCli;
import io.petrel.cli.InProcessCli.Result;
import io.petrel.testkit.EmbeddedPetrel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code petrel pub} and {@code petrel sub} against a real server: what a user sees, and the exit codes. */
class PubSubCommandTest {
    private static EmbeddedPetrel petrel;

    @BeforeAll
    static void start() {
        petrel = EmbeddedPetrel.start();
    }

    @AfterAll
    static void stop() {
        petrel.close();
    }

    private static String port() {
        return Integer.toString(petrel.port());
    }

    /** Starts a subscriber and waits until the broker has its subscriptions. */
    private static CompletableFuture<Result> subscribe(int filters, String... args) {
        int before = petrel.engine().subscriptions().size();
        CompletableFuture<Result> sub = InProcessCli.start(args);
        await().atMost(Duration.ofSeconds(20)).until(
                () -> sub.isDone() || petrel.engine().subscriptions().size() >= before + filters);
        return sub;
    }

    private static Result finished(CompletableFuture<Result> command) throws Exception {
        return command.get(30, TimeUnit.SECONDS);
    }

    @Test
    void aMessagePublishedWithPubIsPrintedBySubWithItsTopic() throws Exception {
        CompletableFuture<Result> sub = subscribe(1, "sub", "-h", "127.0.0.1", "-p", port(), "-t", "rt/#", "-C", "1", "-v");

        Result pub = InProcessCli.run("pub", "-h", "127.0.0.1", "-p", port(), "-t", "rt/kitchen", "-m", "21.5", "-q", "1");

        assertThat(pub.exitCode()).isZero();
        assertThat(pub.err()).isEmpty();
        Result received = finished(sub);
        assertThat(received.exitCode()).isZero();
        assertThat(received.out()).isEqualTo("rt/kitchen 21.5" + System.lineSeparator());
    }

    @Test
    void theMqttUrlFormWorksWithMqtt311() throws Exception {
        String url = "mqtt://127.0.0.1:" + port();
        CompletableFuture<Result> sub = subscribe(1, "sub", "-L", url, "-V", "311", "-t", "url/+", "-C", "1", "-q", "2");

        Result pub = InProcessCli.run("pub", "-L", url, "-V", "mqttv311", "-t", "url/a", "-m", "via url", "-q", "2");

        assertThat(pub.exitCode()).isZero();
        assertThat(finished(sub).out()).isEqualTo("via url" + System.lineSeparator());
    }

    @Test
    void mqtt5PropertiesTravelFromPubToSubAndShowInJson() throws Exception {
        CompletableFuture<Result> sub = subscribe(1, "sub", "-p", port(), "-h", "127.0.0.1", "-t", "props", "-C", "1",
                "-q", "1", "--json");

        Result pub = InProcessCli.run("pub", "-p", port(), "-h", "127.0.0.1", "-t", "props", "-m", "{\"t\":1}", "-q", "1",
                "--user-property", "site=north", "--user-property", "site=south", "--response-topic", "reply/here",
                "--correlation-data", "req-42", "--message-expiry", "300", "--content-type", "application/json");

        assertThat(pub.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(finished(sub).out());
        assertThat(json.get("topic").asText()).isEqualTo("props");
        assertThat(json.get("qos").asInt()).isEqualTo(1);
        assertThat(json.get("payload").asText()).isEqualTo("{\"t\":1}");
        JsonNode properties = json.get("properties");
        assertThat(properties.get("response-topic").asText()).isEqualTo("reply/here");
        assertThat(properties.get("correlation-data").asText()).isEqualTo("req-42");
        assertThat(properties.get("content-type").asText()).isEqualTo("application/json");
        assertThat(properties.get("message-expiry-interval").asLong()).isBetween(1L, 300L);
        assertThat(properties.get("user-properties").toString())
                .isEqualTo("[{\"name\":\"site\",\"value\":\"north\"},{\"name\":\"site\",\"value\":\"south\"}]");
    }

    @Test
    void pubSendsEachLineOfStdinAndSkipsBlankOnes() throws Exception {
        CompletableFuture<Result> sub = subscribe(1, "sub", "-p", port(), "-h", "127.0.0.1", "-t", "lines", "-C", "3",
                "-q", "1", "-F", "%t:%p:%q");

        Result pub = InProcessCli.runWithInput("one\n\ntwo\nthree\n", "pub", "-p", port(), "-h", "127.0.0.1", "-t", "lines",
                "-l", "-q", "1");

        assertThat(pub.exitCode()).isZero();
        String nl = System.lineSeparator();
        assertThat(finished(sub).out()).isEqualTo("lines:one:1" + nl + "lines:two:1" + nl + "lines:three:1" + nl);
    }

    @Test
    void aFileIsSentAsOneMessageAndNonTextShowsAsBase64InJson(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("blob.bin");
        Files.write(file, new byte[] {0, (byte) 0xFF, 1});
        CompletableFuture<Result> sub = subscribe(1, "sub", "-p", port(), "-h", "127.0.0.1", "-t", "file", "-C", "1",
                "-F", "%l %x %j");

        Result pub = InProcessCli.run("pub", "-p", port(), "-h", "127.0.0.1", "-t", "file", "-f", file.toString());

        assertThat(pub.exitCode()).isZero();
        assertThat(finished(sub).out()).startsWith("3 00ff01 {").contains("\"payload_base64\":\"AP8B\"");
    }

    @Test
    void aRetainedMessageIsPrintedToANewSubscriberAndAnEmptyMessageClearsIt() throws Exception {
        String[] connect = {"-h", "127.0.0.1", "-p", port()};
        assertThat(InProcessCli.run(concat(new String[] {"pub", "-t", "retained/x", "-m", "kept", "-r", "-q", "1"}, connect))
                .exitCode()).isZero();

        Result first = InProcessCli.run(concat(new String[] {"sub", "-t", "retained/x", "-C", "1", "-F", "%p retain=%r"}, connect));
        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).isEqualTo("kept retain=1" + System.lineSeparator());

        assertThat(InProcessCli.run(concat(new String[] {"pub", "-t", "retained/x", "-n", "-r", "-q", "1"}, connect)).exitCode())
                .isZero();
        Result cleared = InProcessCli.run(concat(new String[] {"sub", "-t", "retained/x", "-C", "1", "-W", "1"}, connect));
        assertThat(cleared.exitCode()).isEqualTo(ExitCodes.TIMEOUT);
        assertThat(cleared.out()).isEmpty();
    }

    @Test
    void aSubscriberTakenOverSaysWhyAndExitsWith1AndItsWillIsPublished() throws Exception {
        CompletableFuture<Result> watcher = subscribe(1, "sub", "-h", "127.0.0.1", "-p", port(), "-t", "will/victim",
                "-C", "1");
        CompletableFuture<Result> victim = subscribe(1, "sub", "-h", "127.0.0.1", "-p", port(), "-t", "quiet/#",
                "-i", "victim", "--will-topic", "will/victim", "--will-payload", "gone", "--will-qos", "1");

        Result takeover = InProcessCli.run("pub", "-h", "127.0.0.1", "-p", port(), "-i", "victim", "-t", "quiet/x", "-m", "y");

        assertThat(takeover.exitCode()).isZero();
        Result lost = finished(victim);
        assertThat(lost.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(lost.err()).isEqualTo("petrel sub: disconnected by the broker: session taken over (0x8E)"
                + System.lineSeparator());
        assertThat(finished(watcher).out()).isEqualTo("gone" + System.lineSeparator());
    }

    @Test
    void anUnreachableBrokerExitsWith3AndSaysSoInWords() {
        int closedPort = closedPort();

        Result pub = InProcessCli.run("pub", "-h", "127.0.0.1", "-p", Integer.toString(closedPort), "-t", "x", "-m", "y");

        assertThat(pub.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(pub.err()).startsWith("petrel pub: cannot connect to mqtt://127.0.0.1:" + closedPort)
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void badFlagsExitWith2() {
        Result badQos = InProcessCli.run("pub", "-p", port(), "-t", "x", "-m", "y", "-q", "3");
        Result noMessage = InProcessCli.run("pub", "-p", port(), "-t", "x");
        Result propertiesOnV3 = InProcessCli.run("pub", "-p", port(), "-t", "x", "-m", "y", "-V", "311", "--content-type", "a");
        Result badUrl = InProcessCli.run("sub", "-L", "http://127.0.0.1", "-t", "x");

        assertThat(badQos.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badQos.err()).contains("-q must be 0, 1 or 2");
        assertThat(noMessage.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(propertiesOnV3.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(propertiesOnV3.err()).contains("MQTT 5 properties need -V 5");
        assertThat(badUrl.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badUrl.err()).contains("unknown scheme 'http'");
    }

    static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static int closedPort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
