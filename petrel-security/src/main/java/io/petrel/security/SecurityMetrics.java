package io.petrel.security;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Security's counters and gauges by name, such as {@code acl_denied_publish} or {@code connect_backoff}, which
 * the server shows in {@code $SYS/petrel/security/...} and {@code /metrics}. Counting is lock-free.
 */
public final class SecurityMetrics {
    private final ConcurrentHashMap<String, LongAdder> counters = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LongSupplier> gauges = new ConcurrentHashMap<>();

    /** Counts one event. */
    public void count(String name) {
        counters.computeIfAbsent(name, n -> new LongAdder()).increment();
    }

    /** The count of one event. */
    public long get(String name) {
        LongAdder adder = counters.get(name);
        return adder == null ? 0 : adder.sum();
    }

    /** Registers a value that is read when metrics are shown, such as the connections of an organization. */
    public void gauge(String name, LongSupplier value) {
        gauges.put(name, value);
    }

    /** Every counter, by name. */
    public Map<String, Long> counters() {
        Map<String, Long> snapshot = new TreeMap<>();
        counters.forEach((name, adder) -> snapshot.put(name, adder.sum()));
        return snapshot;
    }

    /** Every gauge's current value, by name. */
    public Map<String, Long> gauges() {
        Map<String, Long> snapshot = new TreeMap<>();
        gauges.forEach((name, value) -> snapshot.put(name, value.getAsLong()));
        return snapshot;
    }
}
