package io.petrel.cli.bench;

import io.petrel.cli.client.Endpoint;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code petrel bench SCENARIO}: generates MQTT load and measures what the broker delivers. */
@Command(name = "bench", sortOptions = false, subcommands = CompareCommand.class,
        description = {"Generate MQTT load and measure throughput, latency, loss and the connect rate.", "",
            "Scenarios: pub, sub, conn, fanin (many -> 1), fanout (1 -> many), p2p (pairs), shared ($share group).",
            "A progress line goes to stderr every second; the summary to stdout (--json for JSON)."})
public final class BenchCommand implements Callable<Integer> {
    /** Connections one process keeps below, since it may open about 20,000 files. */
    static final int MAX_CONNECTIONS = 19_000;

    @Option(names = "--help", usageHelp = true, description = "Show this help and exit (-h is the host).")
    boolean help;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO",
            description = "pub, sub, conn, fanin, fanout, p2p or shared.")
    String scenario = "";

    @Option(names = {"-L", "--url"}, description = "Broker URL: mqtt://, mqtts://, ws:// or wss:// (overrides -h, -p).")
    @Nullable String url;

    @Option(names = {"-h", "--host"}, defaultValue = "127.0.0.1",
            description = "Broker host (default: ${DEFAULT-VALUE}).")
    String host = "127.0.0.1";

    @Option(names = {"-p", "--port"}, defaultValue = "1883", description = "Broker port (default: ${DEFAULT-VALUE}).")
    int port = 1883;

    @Option(names = {"-V", "--protocol-version"}, defaultValue = "5",
            description = "5 or 311 (default: ${DEFAULT-VALUE}).")
    String version = "5";

    @Option(names = {"-u", "--username"}, description = "User name for every connection.")
    @Nullable String username;

    @Option(names = {"-P", "--pw"}, description = "Password for every connection.")
    @Nullable String password;

    @Option(names = {"-c", "--clients"}, description = "Publishers (connections for conn; default per scenario).")
    @Nullable Integer clients;

    @Option(names = {"-s", "--subscribers"},
            description = "Subscribers (default per scenario; p2p has one per publisher).")
    @Nullable Integer subscribers;

    @Option(names = {"-r", "--rate"}, defaultValue = "0",
            description = "Messages per second per publisher; 0 is as fast as flow control allows (default).")
    double rate;

    @Option(names = {"-q", "--qos"}, defaultValue = "0",
            description = "QoS of published messages (default: ${DEFAULT-VALUE}).")
    int qos;

    @Option(names = "--sub-qos", description = "QoS of subscriptions (default: as -q).")
    @Nullable Integer subQos;

    @Option(names = {"-S", "--size"}, defaultValue = "64",
            description = "Payload bytes, at least " + Payload.HEADER + " (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = {"-d", "--duration"}, defaultValue = "10",
            description = "Seconds to publish, or for conn to hold the connections (default: ${DEFAULT-VALUE}).")
    double durationSeconds;

    @Option(names = {"-n", "--count"}, defaultValue = "0",
            description = "Messages per publisher (for sub: to receive per subscriber); ends the run early.")
    long count;

    @Option(names = {"-t", "--topic"}, description = "Publish topic; %%i is the publisher's number.")
    @Nullable String topic;

    @Option(names = {"-f", "--filter"}, description = "Subscription filter; %%i is the subscriber's number.")
    @Nullable String filter;

    @Option(names = "--window", defaultValue = "64",
            description = "Unacknowledged QoS 1/2 messages per publisher (default: ${DEFAULT-VALUE}).")
    int window;

    @Option(names = "--connect-rate", defaultValue = "0", description = "New connections per second; 0 is unlimited.")
    double connectRate;

    @Option(names = "--source-address", description = "Local address to connect from; repeatable, used in turn.")
    List<String> sourceAddresses = new ArrayList<>();

    @Option(names = "--source-ips", description = "Connect from 127.0.0.1 to 127.0.0.N in turn, for many connections.")
    int sourceIps;

    @Option(names = "--threads", description = "Event loop threads (default: one per core).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = {"-k", "--keepalive"}, defaultValue = "60",
            description = "Keep alive seconds (default: ${DEFAULT-VALUE}).")
    int keepAlive;

    @Option(names = "--cafile", description = "CA certificates (PEM) to trust for mqtts:// and wss://.")
    @Nullable Path caFile;

    @Option(names = "--insecure", description = "Trust any server certificate.")
    boolean insecure;

    @Option(names = "--json", description = "Print the summary as JSON.")
    boolean json;

    @Option(names = "--quiet", description = "No progress line.")
    boolean quiet;

    @Spec
    @Nullable CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BenchPlan plan;
        try {
            plan = plan();
        } catch (IllegalArgumentException e) {
            err.println("petrel bench: " + e.getMessage());
            return 2;
        }
        BenchResult result = new BenchRun(plan, quiet ? null : err).run(() -> { });
        out.print(json ? result.json() + System.lineSeparator() : result.text());
        out.flush();
        return result.connected() == 0 ? 1 : 0;
    }

    BenchPlan plan() {
        Scenario s;
        try {
            s = Scenario.valueOf(scenario.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown scenario '" + scenario
                    + "': use pub, sub, conn, fanin, fanout, p2p or shared");
        }
        int pubs = clients != null ? clients : s.defaultPublishers();
        int subs = s == Scenario.P2P ? pubs : subscribers != null ? subscribers : s.defaultSubscribers();
        if (!s.publishes() && s != Scenario.CONN) {
            pubs = 0;
        }
        if (!s.subscribes()) {
            subs = 0;
        }
        if (pubs + subs > MAX_CONNECTIONS) {
            throw new IllegalArgumentException(String.format("%,d connections is more than one process should open "
                    + "(about 20,000 files): run several petrel bench processes", pubs + subs));
        }
        if (pubs < 0 || subs < 0 || (pubs + subs == 0)) {
            throw new IllegalArgumentException("nothing to do: -c and -s must leave at least one connection");
        }
        if (qos < 0 || qos > 2 || (subQos != null && (subQos < 0 || subQos > 2))) {
            throw new IllegalArgumentException("QoS must be 0, 1 or 2");
        }
        if (size < Payload.HEADER) {
            throw new IllegalArgumentException("-S must be at least " + Payload.HEADER + " bytes (the timestamp and sequence)");
        }
        if (window < 1 || rate < 0 || count < 0 || durationSeconds <= 0) {
            throw new IllegalArgumentException("--window must be positive; -r and -n not negative; -d positive");
        }
        boolean v5 = switch (version.toLowerCase(Locale.ROOT)) {
            case "5", "mqttv5" -> true;
            case "311", "mqttv311" -> false;
            default -> throw new IllegalArgumentException("unknown protocol version '" + version + "': use 5 or 311");
        };
        Endpoint endpoint = url != null ? Endpoint.parse(url) : Endpoint.of(host, port, false);
        List<String> sources = new ArrayList<>(sourceAddresses);
        for (int i = 1; i <= sourceIps; i++) {
            sources.add("127.0.0." + i);
        }
        String prefix = "bench-" + Integer.toHexString(ThreadLocalRandom.current().nextInt()) + "-";
        return new BenchPlan(s, endpoint, new ConnectSettings(prefix, v5, username, password, keepAlive), pubs, subs,
                new PublishSettings(qos, size, rate, count, window), subQos != null ? subQos : qos,
                topic != null ? topic : s.defaultTopic(), filter != null ? filter : s.defaultFilter(),
                Duration.ofMillis((long) (durationSeconds * 1000)), connectRate, sources, threads, caFile, insecure);
    }
}
