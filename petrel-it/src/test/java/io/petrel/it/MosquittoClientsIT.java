package io.petrel.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.petrel.testkit.EmbeddedPetrel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Debian's {@code mosquitto_pub} and {@code mosquitto_sub} against Petrel, as the README's quick start uses
 * them. Every process is bounded by a timeout and destroyed when the test ends.
 */
class MosquittoClientsIT {
    private static final long PROCESS_TIMEOUT_SECONDS = 20;

    private static EmbeddedPetrel petrel;

    @BeforeAll
    static void start() {
        petrel = EmbeddedPetrel.start();
    }

    @AfterAll
    static void stop() {
        petrel.close();
    }

    @ParameterizedTest(name = "MQTT {0}")
    @ValueSource(strings = {"mqttv311", "mqttv5"})
    void mosquittoSubReceivesWhatMosquittoPubSendsAtQos2(String version) throws Exception {
        String topic = "mosquitto/" + version;
        Process sub = start("mosquitto_sub", "-V", version, "-i", "sub-" + version, "-t", topic, "-q", "2",
                "-C", "3", "-v");
        try {
            awaitSubscribed("sub-" + version);
            for (int i = 1; i <= 3; i++) {
                run("mosquitto_pub", "-V", version, "-t", topic, "-q", "2", "-m", "message " + i);
            }
            assertThat(sub.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("mosquitto_sub exits after 3").isTrue();
            assertThat(sub.exitValue()).isZero();
            assertThat(output(sub)).containsExactly(topic + " message 1", topic + " message 2", topic + " message 3");
        } finally {
            sub.destroyForcibly();
        }
    }

    @ParameterizedTest(name = "MQTT {0}")
    @ValueSource(strings = {"mqttv311", "mqttv5"})
    void aRetainedMessageReachesALaterSubscriber(String version) throws Exception {
        String topic = "mosquitto/retained/" + version;
        run("mosquitto_pub", "-V", version, "-t", topic, "-q", "1", "-r", "-m", "kept");

        Process sub = start("mosquitto_sub", "-V", version, "-t", topic, "-C", "1", "-F", "%r %t %p");
        try {
            assertThat(sub.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
            assertThat(output(sub)).containsExactly("1 " + topic + " kept");
        } finally {
            sub.destroyForcibly();
        }
        run("mosquitto_pub", "-V", version, "-t", topic, "-q", "1", "-r", "-n");
        await("an empty retained message clears it").atMost(Duration.ofSeconds(PROCESS_TIMEOUT_SECONDS))
                .until(() -> petrel.engine().retained().get(topic) == null);
    }

    @Test
    void mosquittoSubSeesSysTopics() throws Exception {
        Process sub = start("mosquitto_sub", "-t", "$SYS/broker/version", "-C", "1");
        try {
            assertThat(sub.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
            assertThat(output(sub)).singleElement().asString().startsWith("petrel version ");
        } finally {
            sub.destroyForcibly();
        }
    }

    /** Starts a client against the test server; its output is read once it has exited. */
    private static Process start(String... command) throws IOException {
        List<String> full = new ArrayList<>(List.of(command));
        full.addAll(List.of("-h", petrel.host(), "-p", Integer.toString(petrel.port())));
        return new ProcessBuilder(full).redirectErrorStream(true).start();
    }

    private static void run(String... command) throws Exception {
        Process process = start(command);
        try {
            assertThat(process.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("%s finishes", command[0]).isTrue();
            assertThat(process.exitValue()).as(String.join(" ", command) + ": " + output(process)).isZero();
        } finally {
            process.destroyForcibly();
        }
    }

    private void awaitSubscribed(String clientId) {
        await().atMost(Duration.ofSeconds(PROCESS_TIMEOUT_SECONDS)).until(() -> {
            var session = petrel.engine().sessions().get(clientId);
            return session != null && session.isOnline() && petrel.engine().subscriptions().size() > 0;
        });
    }

    private static List<String> output(Process process) throws IOException {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
}
