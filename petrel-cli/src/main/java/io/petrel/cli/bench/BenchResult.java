package io.petrel.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.HdrHistogram.Histogram;

/**
 * The outcome of one run, for the summary, the JSON output and the comparison table. Latencies are in
 * microseconds. Rates are over the publishing window, while the broker is under load; a message counts as
 * lost if it has not arrived five seconds after publishing stopped.
 */
record BenchResult(String scenario, int publishers, int subscribers, int qos, int payloadSize,
        long connected, long connectFailed, double connectSeconds, double connectRate, long connectP50,
        long connectP99, long sent, long acked, long received, long otherRuns, long lost, long duplicates,
        long reordered,
        long disconnected, long refused, double publishSeconds, double sendRate,
        double receiveRate, long latencyCount, long p50, long p90, long p99, long p999, long max) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static BenchResult of(BenchPlan plan, BenchStats stats, long connectNanos, BenchRun.Window window,
            StreamBook.Totals totals) {
        Histogram latency = stats.latencyTotal();
        Histogram connect = stats.connectTotal();
        long connected = stats.connected.sum();
        double connectSeconds = connectNanos / 1e9;
        double publishSeconds = window.publishNanos() / 1e9;
        long sent = stats.sent.sum();
        long received = stats.received.sum();
        return new BenchResult(plan.scenario().label(), plan.publishers(), plan.subscribers(), plan.publish().qos(),
                plan.publish().size(), connected, stats.connectFailed.sum(), connectSeconds,
                connectSeconds > 0 ? connected / connectSeconds : 0, connect.getValueAtPercentile(50),
                connect.getValueAtPercentile(99), sent, stats.acked.sum(), received, stats.otherRuns.sum(), totals.lost(),
                totals.duplicates(), totals.reordered(), stats.disconnected.sum(), stats.refused.sum(), publishSeconds,
                publishSeconds > 0 ? sent / publishSeconds : 0,
                publishSeconds > 0 ? window.receivedWhilePublishing() / publishSeconds : 0,
                latency.getTotalCount(), latency.getValueAtPercentile(50), latency.getValueAtPercentile(90),
                latency.getValueAtPercentile(99), latency.getValueAtPercentile(99.9), latency.getMaxValue());
    }

    /** The summary as JSON, one object. */
    String json() {
        ObjectNode node = JSON.createObjectNode();
        node.put("scenario", scenario).put("publishers", publishers).put("subscribers", subscribers).put("qos", qos)
                .put("payload_bytes", payloadSize);
        ObjectNode connect = node.putObject("connections");
        connect.put("connected", connected).put("failed", connectFailed).put("seconds", round(connectSeconds))
                .put("per_second", round(connectRate)).put("p50_ms", connectP50 / 1000.0)
                .put("p99_ms", connectP99 / 1000.0).put("lost", disconnected);
        ObjectNode messages = node.putObject("messages");
        messages.put("sent", sent).put("acknowledged", acked).put("received", received).put("other_runs", otherRuns)
                .put("lost", lost)
                .put("duplicates", duplicates).put("reordered", reordered).put("refused_subscriptions", refused)
                .put("publish_seconds", round(publishSeconds)).put("sent_per_second", round(sendRate))
                .put("received_per_second", round(receiveRate));
        ObjectNode lat = node.putObject("latency_ms");
        lat.put("count", latencyCount).put("p50", p50 / 1000.0).put("p90", p90 / 1000.0).put("p99", p99 / 1000.0)
                .put("p99_9", p999 / 1000.0).put("max", max / 1000.0);
        return node.toString();
    }

    /** The summary for people. */
    String text() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%s: %d publisher(s), %d subscriber(s), QoS %d, %d-byte payloads%n", scenario,
                publishers, subscribers, qos, payloadSize));
        out.append(String.format("  connections  %,d connected, %,d failed, %s (p50 %s, p99 %s), %,d lost%n",
                connected, connectFailed, Format.rate(connectRate), Format.millis(connectP50),
                Format.millis(connectP99), disconnected));
        if (!"conn".equals(scenario)) {
            out.append(String.format("  messages     %,d sent (%s), %,d acknowledged, %,d received (%s)%n", sent,
                    Format.rate(sendRate), acked, received, Format.rate(receiveRate)));
            out.append(String.format("  delivery     %,d lost, %,d duplicates, %,d reordered%s%n", lost, duplicates,
                    reordered, otherRuns > 0 ? String.format(" (and %,d from other runs, not counted)", otherRuns) : ""));
            if (latencyCount > 0) {
                out.append(String.format("  latency      p50 %s, p90 %s, p99 %s, p99.9 %s, max %s%n",
                        Format.millis(p50), Format.millis(p90), Format.millis(p99), Format.millis(p999),
                        Format.millis(max)));
            }
        }
        return out.toString();
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
