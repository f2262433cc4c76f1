package io.petrel.cli.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** Counters and latency recorders every connection of a run writes to, from any thread. */
final class BenchStats {
    /** Latencies are recorded in microseconds, up to a minute. */
    private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(1);

    final LongAdder connected = new LongAdder();
    final LongAdder connectFailed = new LongAdder();
    final LongAdder disconnected = new LongAdder();
    final LongAdder sent = new LongAdder();
    final LongAdder acked = new LongAdder();
    final LongAdder refused = new LongAdder();
    final LongAdder received = new LongAdder();
    final LongAdder otherRuns = new LongAdder();
    final LongAdder bytesReceived = new LongAdder();
    private final Recorder latency = new Recorder(MAX_MICROS, 3);
    private final Recorder connectLatency = new Recorder(MAX_MICROS, 3);
    private final Histogram latencyTotal = new Histogram(MAX_MICROS, 3);
    private final Histogram connectTotal = new Histogram(MAX_MICROS, 3);

    void latency(long nanos) {
        latency.recordValue(clamp(nanos / 1000));
    }

    void connectLatency(long nanos) {
        connectLatency.recordValue(clamp(nanos / 1000));
    }

    private static long clamp(long micros) {
        return Math.max(0, Math.min(MAX_MICROS, micros));
    }

    /** The latencies recorded since the last call, which are also added to the run's total. */
    synchronized Histogram latencyInterval() {
        Histogram interval = latency.getIntervalHistogram();
        latencyTotal.add(interval);
        return interval;
    }

    /** Every latency of the run. */
    synchronized Histogram latencyTotal() {
        latencyTotal.add(latency.getIntervalHistogram());
        return latencyTotal.copy();
    }

    synchronized Histogram connectTotal() {
        connectTotal.add(connectLatency.getIntervalHistogram());
        return connectTotal.copy();
    }
}
