package io.petrel.cli.bench;

import io.petrel.cli.PetrelCommand;
import io.petrel.cli.client.Endpoint;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code petrel bench compare}: starts Mosquitto and Petrel on loopback ports, runs the same scenarios
 * against each in turn, and prints a Markdown table of both results, their ratio and each broker's CPU time
 * per message. It stops only the two processes it started.
 */
@Command(name = "compare", sortOptions = false,
        description = {"Run the same scenarios against Mosquitto and Petrel and print a table of both.",
            "Both brokers run on 127.0.0.1: Mosquitto on --port, Petrel on --port + 1."})
final class CompareCommand implements Callable<Integer> {
    private static final int IDLE_CONNECTIONS = 10_000;

    @Option(names = "--help", usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--port", defaultValue = "22100",
            description = "Mosquitto's port; Petrel's is the next (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = {"-d", "--duration"}, defaultValue = "10",
            description = "Seconds each throughput run publishes (default: ${DEFAULT-VALUE}).")
    double durationSeconds;

    @Option(names = "--warmup", defaultValue = "3",
            description = "Seconds of the same load before each measured run, unmeasured, so that both brokers run "
                    + "warm (default: ${DEFAULT-VALUE}).")
    double warmupSeconds;

    @Option(names = "--idle-connections", defaultValue = "10000",
            description = "Connections of the idle-memory and connect-rate run.")
    int idleConnections = IDLE_CONNECTIONS;

    @Option(names = "--mosquitto", defaultValue = "mosquitto",
            description = "The mosquitto binary (default: from the PATH).")
    String mosquitto = "mosquitto";

    @Option(names = "--petrel-jar", description = "The Petrel jar to start (default: the one running this command).")
    @Nullable Path petrelJar;

    @Option(names = "--petrel-java-opts", description = "Extra JVM options for the Petrel server, space-separated.")
    @Nullable String petrelJavaOpts;

    @Option(names = "--only", description = "Run only the rows whose label contains this text; repeatable.")
    List<String> only = new ArrayList<>();

    @Spec
    @Nullable CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path work = Files.createTempDirectory("petrel-compare");
        Duration duration = Duration.ofMillis((long) (durationSeconds * 1000));
        List<CompareRow> rows = rows().stream()
                .filter(r -> only.isEmpty() || only.stream().anyMatch(o -> r.label().contains(o))).toList();
        Map<CompareRow, CompareResult[]> results = new LinkedHashMap<>();
        try (BrokerProcess mosq = startMosquitto(work); BrokerProcess petrel = startPetrel(work)) {
            err.printf("compare: mosquitto pid %d on %d, petrel pid %d on %d%n", mosq.pid(), mosq.port(), petrel.pid(),
                    petrel.port());
            List<BrokerProcess> brokers = List.of(mosq, petrel);
            Map<String, CompareResult[]> idle = new LinkedHashMap<>();
            for (CompareRow row : rows) {
                CompareResult[] pair = new CompareResult[2];
                for (int b = 0; b < 2; b++) {
                    BrokerProcess broker = brokers.get(b);
                    if (row.scenario() == Scenario.CONN) {
                        CompareResult[] both = idle.computeIfAbsent(broker.name(), n -> new CompareResult[2]);
                        if (both[0] == null) {
                            runIdle(broker, err, both);
                        }
                        pair[b] = row.kind() == CompareRow.Kind.RSS_PER_CONNECTION ? both[0] : both[1];
                    } else {
                        pair[b] = runMessages(row, broker, duration, err);
                    }
                }
                results.put(row, pair);
            }
        }
        out.print(CompareTable.markdown(results));
        out.flush();
        return 0;
    }

    private List<CompareRow> rows() {
        // The idle connections come first, while both brokers are fresh: a JVM keeps the heap that earlier
        // load made it grow, which would hide what the connections themselves cost.
        return List.of(
                new CompareRow(String.format("%,d idle connections: RSS per connection", idleConnections),
                        CompareRow.Kind.RSS_PER_CONNECTION, Scenario.CONN, idleConnections, 0, 0, 0, "≤ 4 KiB"),
                new CompareRow(String.format("connect rate (%,d connections)", idleConnections),
                        CompareRow.Kind.CONNECT_RATE, Scenario.CONN, idleConnections, 0, 0, 0, "≥ 2×"),
                new CompareRow("fan-in QoS 0, 100 → 1", CompareRow.Kind.DELIVERED, Scenario.FANIN, 100, 1, 0, 0,
                        "≥ 1.5×"),
                new CompareRow("fan-in QoS 1, 100 → 1", CompareRow.Kind.DELIVERED, Scenario.FANIN, 100, 1, 1, 0,
                        "no loss"),
                new CompareRow("fan-out QoS 0, 1 → 100", CompareRow.Kind.DELIVERED, Scenario.FANOUT, 1, 100, 0, 0,
                        "≥ 1.5×"),
                new CompareRow("fan-out QoS 0, 1 → 1000", CompareRow.Kind.DELIVERED, Scenario.FANOUT, 1, 1000, 0, 0,
                        "≥ 1.5×"),
                new CompareRow("p2p QoS 1, 100 pairs", CompareRow.Kind.DELIVERED, Scenario.P2P, 100, 100, 1, 0, "–"),
                new CompareRow("p99 latency at 20,000 msg/s (fan-in 20 → 1, QoS 0)", CompareRow.Kind.P99_LATENCY,
                        Scenario.FANIN, 20, 1, 0, 1000, "≤ 1×"));
    }

    private CompareResult runMessages(CompareRow row, BrokerProcess broker, Duration duration, PrintWriter err)
            throws Exception {
        err.printf("compare: %s against %s%n", row.label(), broker.name());
        BenchPlan plan = plan(row.scenario(), broker.port(), row.publishers(), row.subscribers(), row.qos(),
                row.ratePerPublisher(), duration);
        if (warmupSeconds > 0) {
            new BenchRun(plan.withDuration(Duration.ofMillis((long) (warmupSeconds * 1000))), null).run(() -> { });
            settle();
        }
        long cpuBefore = broker.cpuMicros();
        BenchResult result = new BenchRun(plan, err).run(() -> { });
        long cpu = broker.cpuMicros() - cpuBefore;
        err.print(result.text());
        return new CompareResult(row.kind().figure(result),
                result.received() > 0 ? (double) cpu / result.received() : Double.NaN, result);
    }

    /**
     * Opens the idle connections twice per broker. The first round, on a fresh broker, gives the RSS per
     * connection [0]; the second gives the connect rate [1] and the broker's CPU time per connection (opened and
     * closed), measured warm like every other row: the first round is its warm-up.
     */
    private void runIdle(BrokerProcess broker, PrintWriter err, CompareResult[] both) throws Exception {
        err.printf("compare: %,d idle connections against %s%n", idleConnections, broker.name());
        BenchPlan plan = plan(Scenario.CONN, broker.port(), idleConnections, 0, 0, 0, Duration.ofSeconds(5));
        settle();
        long rssBefore = broker.rssKib();
        long[] rssHeld = new long[1];
        BenchResult result = new BenchRun(plan, err).run(() -> {
            settle();
            try {
                rssHeld[0] = broker.rssKib();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        err.print(result.text());
        double perConnection = result.connected() > 0
                ? (double) (rssHeld[0] - rssBefore) / result.connected() : Double.NaN;
        err.printf("compare: %s RSS %,d KiB before, %,d KiB with %,d connections: %.2f KiB each%n", broker.name(),
                rssBefore, rssHeld[0], result.connected(), perConnection);
        both[0] = new CompareResult(perConnection, Double.NaN, result);
        err.printf("compare: %,d connections again against %s, for the connect rate%n", idleConnections,
                broker.name());
        settle();
        long cpuBefore = broker.cpuMicros();
        BenchResult warm = new BenchRun(plan.withDuration(Duration.ZERO), err).run(() -> { });
        long cpu = broker.cpuMicros() - cpuBefore;
        err.print(warm.text());
        err.printf("compare: %s connect rate %,.0f/s on the first round, %,.0f/s on the second%n", broker.name(),
                result.connectRate(), warm.connectRate());
        both[1] = new CompareResult(warm.connectRate(),
                warm.connected() > 0 ? (double) cpu / warm.connected() : Double.NaN, warm);
    }

    /** Gives the broker two seconds to finish what the last run left (closing sockets, freeing buffers). */
    private static void settle() {
        LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(2));
    }

    private static BenchPlan plan(Scenario scenario, int port, int publishers, int subscribers, int qos, double rate,
            Duration duration) {
        int sources = Math.max(1, (publishers + subscribers) / 5_000);
        List<String> addresses = new ArrayList<>();
        for (int i = 1; i <= sources; i++) {
            addresses.add("127.0.0." + i);
        }
        return new BenchPlan(scenario, Endpoint.of("127.0.0.1", port, false),
                new ConnectSettings("compare-" + scenario.label() + "-", true, null, null, 60), publishers, subscribers,
                new PublishSettings(qos, 64, rate, 0, 64), qos, scenario.defaultTopic(), scenario.defaultFilter(), duration,
                0, addresses, Runtime.getRuntime().availableProcessors(), null, false);
    }

    private BrokerProcess startMosquitto(Path work) throws IOException {
        Path config = work.resolve("mosquitto.conf");
        Files.writeString(config, "listener " + port + " 127.0.0.1\nallow_anonymous true\n");
        try {
            return BrokerProcess.start("mosquitto", List.of(mosquitto, "-c", config.toString()), port,
                    work.resolve("mosquitto.log"));
        } catch (IOException e) {
            throw new IOException("cannot start " + mosquitto + " (bench/compare.sh installs it): " + e.getMessage(), e);
        }
    }

    private BrokerProcess startPetrel(Path work) throws IOException, URISyntaxException {
        Path jar = petrelJar != null ? petrelJar
                : Path.of(PetrelCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("--enable-native-access=ALL-UNNAMED");
        if (Runtime.version().feature() >= 24) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        if (petrelJavaOpts != null && !petrelJavaOpts.isBlank()) {
            command.addAll(List.of(petrelJavaOpts.trim().split("\\s+")));
        }
        // One TCP listener, as Mosquitto has; the other listeners and HTTP would only claim ports that may be taken.
        command.addAll(List.of("-jar", jar.toString(), "serve", "--port", Integer.toString(port + 1), "--data-dir",
                work.resolve("petrel-data").toString(), "--set", "listeners.tls.enabled=false", "--set",
                "listeners.ws.enabled=false", "--set", "listeners.wss.enabled=false", "--set", "http.port=0"));
        return BrokerProcess.start("petrel", command, port + 1, work.resolve("petrel.log"));
    }
}
