package io.petrel.cli.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongUnaryOperator;

/**
 * The streams one receiver has seen: a subscriber, or a whole share group whose members split each stream
 * between them. Members of a group run on different threads, hence the lock; a lone subscriber's lock is
 * never contended.
 */
final class StreamBook {
    private final Map<Long, StreamTracker> streams = new HashMap<>();

    synchronized void record(long stream, long sequence) {
        streams.computeIfAbsent(stream, s -> new StreamTracker()).record(sequence);
    }

    /** Totals over every stream. */
    record Totals(long unique, long duplicates, long reordered, long lost) {
        Totals plus(Totals other) {
            return new Totals(unique + other.unique, duplicates + other.duplicates, reordered + other.reordered,
                    lost + other.lost);
        }
    }

    /**
     * Totals, with loss counted against what each stream should have delivered.
     *
     * @param expected messages a stream should hold, by stream key; a negative answer means unknown, and then
     *     the span from the first message seen to the highest counts
     * @param streamKeys the streams this receiver should have seen, which may include some it never saw
     */
    synchronized Totals totals(long[] streamKeys, LongUnaryOperator expected) {
        long unique = 0;
        long duplicates = 0;
        long reordered = 0;
        long lost = 0;
        for (long key : streamKeys) {
            if (!streams.containsKey(key)) {
                lost += Math.max(0, expected.applyAsLong(key));
            }
        }
        for (Map.Entry<Long, StreamTracker> entry : streams.entrySet()) {
            StreamTracker t = entry.getValue();
            unique += t.unique();
            duplicates += t.duplicates();
            reordered += t.reordered();
            long should = expected.applyAsLong(entry.getKey());
            lost += Math.max(0, (should < 0 ? t.span() : should) - t.unique());
        }
        return new Totals(unique, duplicates, reordered, lost);
    }
}
