package io.petrel.cli.bench;

import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/** Prints one line a second while a run goes: rates, p50/p99 latency of that second, connections, errors. */
final class Progress implements AutoCloseable {
    private final @Nullable PrintWriter out;
    private final BenchStats stats;
    private final Scenario scenario;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "petrel-bench-progress");
        thread.setDaemon(true);
        return thread;
    });
    private long startNanos;
    private long lastSent;
    private long lastReceived;
    private long lastConnected;

    Progress(@Nullable PrintWriter out, BenchStats stats, Scenario scenario) {
        this.out = out;
        this.stats = stats;
        this.scenario = scenario;
    }

    void start() {
        startNanos = System.nanoTime();
        lastConnected = stats.connected.sum();
        if (out != null) {
            timer.scheduleAtFixedRate(this::print, 1, 1, TimeUnit.SECONDS);
        }
    }

    private void print() {
        long sent = stats.sent.sum();
        long received = stats.received.sum();
        long connected = stats.connected.sum();
        Histogram latency = stats.latencyInterval();
        long seconds = Math.round((System.nanoTime() - startNanos) / 1e9);
        StringBuilder line = new StringBuilder(String.format("%4ds %s", seconds, scenario.label()));
        if (scenario == Scenario.CONN) {
            line.append(String.format("  connected %,d (+%,d/s)", connected, connected - lastConnected));
        } else {
            line.append(String.format("  sent %,d/s  recv %,d/s", sent - lastSent, received - lastReceived));
            if (latency.getTotalCount() > 0) {
                line.append(String.format("  p50 %s  p99 %s", Format.millis(latency.getValueAtPercentile(50)),
                        Format.millis(latency.getValueAtPercentile(99))));
            }
            line.append(String.format("  conn %,d", connected - stats.disconnected.sum()));
        }
        long errors = stats.connectFailed.sum() + stats.disconnected.sum() + stats.refused.sum();
        line.append(String.format("  errors %,d", errors));
        lastSent = sent;
        lastReceived = received;
        lastConnected = connected;
        out.println(line);
        out.flush();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
