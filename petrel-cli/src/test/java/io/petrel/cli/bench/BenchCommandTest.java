package io.petrel.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.petrel.cli.InProcessCli;
import io.petrel.cli.InProcessCli.Result;
import io.petrel.testkit.EmbeddedPetrel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One short run of each {@code petrel bench} scenario against a real server. Runs end on message counts,
 * not on time, and the checks are on counts: sent, received, lost, duplicated.
 */
class BenchCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static EmbeddedPetrel petrel;

    @BeforeAll
    static void start() {
        petrel = EmbeddedPetrel.start();
    }

    @AfterAll
    static void stop() {
        petrel.close();
    }

    private static JsonNode bench(String... args) throws Exception {
        Result result = InProcessCli.run(withServer(args));
        assertThat(result.exitCode()).as(result.err()).isZero();
        return JSON.readTree(result.out());
    }

    private static String[] withServer(String... args) {
        List<String> all = new ArrayList<>();
        all.add("bench");
        all.addAll(List.of(args));
        all.addAll(List.of("-h", "127.0.0.1", "-p", Integer.toString(petrel.port()), "--json", "--quiet", "-d", "120"));
        return all.toArray(String[]::new);
    }

    private static void assertDelivered(JsonNode summary, long sent, long received) {
        JsonNode messages = summary.get("messages");
        assertThat(messages.get("sent").asLong()).isEqualTo(sent);
        assertThat(messages.get("received").asLong()).isEqualTo(received);
        assertThat(messages.get("lost").asLong()).isZero();
        assertThat(messages.get("duplicates").asLong()).isZero();
        assertThat(summary.get("latency_ms").get("count").asLong()).isEqualTo(received);
    }

    @Test
    void pubSendsAndCountsAcknowledgements() throws Exception {
        JsonNode summary = bench("pub", "-c", "2", "-n", "50", "-q", "1");

        assertThat(summary.get("scenario").asText()).isEqualTo("pub");
        assertThat(summary.get("messages").get("sent").asLong()).isEqualTo(100);
        assertThat(summary.get("messages").get("acknowledged").asLong()).isEqualTo(100);
    }

    @Test
    void faninDeliversEveryPublishersMessagesToTheSubscriber() throws Exception {
        assertDelivered(bench("fanin", "-c", "3", "-n", "40", "-q", "1"), 120, 120);
    }

    @Test
    void fanoutDeliversEachMessageToEverySubscriber() throws Exception {
        assertDelivered(bench("fanout", "-s", "4", "-n", "30", "-q", "1"), 30, 120);
    }

    @Test
    void p2pPairsPublishersWithSubscribers() throws Exception {
        assertDelivered(bench("p2p", "-c", "3", "-n", "20", "-q", "2"), 60, 60);
    }

    @Test
    void sharedGivesEachMessageToOneMemberOfTheGroup() throws Exception {
        JsonNode summary = bench("shared", "-c", "2", "-s", "3", "-n", "30", "-q", "1");

        assertDelivered(summary, 60, 60);
    }

    @Test
    void connOpensTheConnectionsAndReportsTheRate() throws Exception {
        JsonNode summary = JSON.readTree(InProcessCli.run("bench", "conn", "-c", "25", "-d", "0.1", "-h", "127.0.0.1", "-p",
                Integer.toString(petrel.port()), "--json", "--quiet").out());

        assertThat(summary.get("connections").get("connected").asLong()).isEqualTo(25);
        assertThat(summary.get("connections").get("failed").asLong()).isZero();
        assertThat(summary.get("connections").get("per_second").asDouble()).isPositive();
    }

    @Test
    void subMeasuresMessagesAnotherProcessPublishes() throws Exception {
        int before = petrel.engine().subscriptions().size();
        CompletableFuture<Result> sub = InProcessCli.start(withServer("sub", "-s", "2", "-n", "25", "-f", "bench/ext/#"));
        await().atMost(Duration.ofSeconds(30)).until(() -> sub.isDone() || petrel.engine().subscriptions().size() >= before + 2);

        bench("pub", "-c", "1", "-n", "25", "-t", "bench/ext/one");

        Result result = sub.get(60, TimeUnit.SECONDS);
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode summary = JSON.readTree(result.out());
        assertThat(summary.get("messages").get("received").asLong()).isEqualTo(50);
        assertThat(summary.get("messages").get("lost").asLong()).isZero();
    }

    @Test
    void theTextSummaryAndTheProgressLineAreForPeople() {
        Result result = InProcessCli.run("bench", "fanin", "-c", "2", "-n", "10", "-h", "127.0.0.1", "-p",
                Integer.toString(petrel.port()));

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("fanin: 2 publisher(s), 1 subscriber(s), QoS 0, 64-byte payloads")
                .contains("20 received").contains("0 lost, 0 duplicates, 0 reordered");
    }

    @Test
    void badOptionsExitWith2() {
        Result unknown = InProcessCli.run("bench", "flood");
        Result tooSmall = InProcessCli.run("bench", "pub", "-S", "8");
        Result tooMany = InProcessCli.run("bench", "conn", "-c", "50000");

        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown scenario 'flood'");
        assertThat(tooSmall.exitCode()).isEqualTo(2);
        assertThat(tooMany.exitCode()).isEqualTo(2);
        assertThat(tooMany.err()).contains("run several petrel bench processes");
    }
}
