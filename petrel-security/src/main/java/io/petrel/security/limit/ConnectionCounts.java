package io.petrel.security.limit;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Live connections counted by key (the whole broker, an organization, a user), each against a maximum. Taking
 * a slot is one atomic step per key, so concurrent CONNECTs never overshoot a limit, and keys never contend
 * with one another. A key whose count drops to zero is removed, so the table holds only connected identities.
 */
final class ConnectionCounts {
    private final ConcurrentHashMap<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    /**
     * Takes a slot under a key.
     *
     * @param max the limit, or 0 for none (the count is still kept)
     * @return false, taking nothing, if the key is at its limit
     */
    boolean tryTake(String key, int max) {
        boolean[] taken = {false};
        counts.compute(key, (k, count) -> {
            AtomicInteger current = count == null ? new AtomicInteger() : count;
            if (max == 0 || current.get() < max) {
                current.incrementAndGet();
                taken[0] = true;
            }
            return current.get() == 0 ? null : current;
        });
        return taken[0];
    }

    /** Gives a slot back. */
    void release(String key) {
        counts.computeIfPresent(key, (k, count) -> count.decrementAndGet() <= 0 ? null : count);
    }

    /** The connections under a key. */
    int get(String key) {
        AtomicInteger count = counts.get(key);
        return count == null ? 0 : count.get();
    }

    /** Every key's count. */
    Map<String, Integer> snapshot() {
        Map<String, Integer> snapshot = new TreeMap<>();
        counts.forEach((key, count) -> snapshot.put(key, count.get()));
        return snapshot;
    }
}
