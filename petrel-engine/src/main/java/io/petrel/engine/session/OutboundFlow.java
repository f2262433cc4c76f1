package io.petrel.engine.session;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * One session's outbound state: the messages in flight, keyed by packet id in the order they were sent,
 * and the bounded queue of messages waiting for a free slot or for the client to reconnect. Owned by the
 * session's loop.
 */
final class OutboundFlow {
    private final LinkedHashMap<Integer, InflightEntry> inflight = new LinkedHashMap<>();
    private final ArrayDeque<Delivery> queue = new ArrayDeque<>();
    private final int maxQueued;
    private int nextPacketId = 1;

    OutboundFlow(int maxQueued) {
        this.maxQueued = maxQueued;
    }

    int inflightCount() {
        return inflight.size();
    }

    boolean hasQueued() {
        return !queue.isEmpty();
    }

    int queuedCount() {
        return queue.size();
    }

    /** Queues a delivery; false if the queue is full. */
    boolean enqueue(Delivery delivery) {
        if (queue.size() >= maxQueued) {
            return false;
        }
        queue.addLast(delivery);
        return true;
    }

    @Nullable Delivery peekQueued() {
        return queue.peekFirst();
    }

    @Nullable Delivery pollQueued() {
        return queue.pollFirst();
    }

    /** Starts tracking a delivery under a fresh packet id that no in-flight message uses. */
    InflightEntry track(Delivery delivery) {
        while (inflight.containsKey(nextPacketId)) {
            advance();
        }
        InflightEntry entry = new InflightEntry(delivery, nextPacketId);
        inflight.put(nextPacketId, entry);
        advance();
        return entry;
    }

    private void advance() {
        nextPacketId = nextPacketId == 65_535 ? 1 : nextPacketId + 1;
    }

    @Nullable InflightEntry get(int packetId) {
        return inflight.get(packetId);
    }

    void remove(int packetId) {
        inflight.remove(packetId);
    }

    /** The in-flight messages in the order they were first sent. */
    Iterable<InflightEntry> inflight() {
        return inflight.values();
    }

    Iterator<InflightEntry> inflightIterator() {
        return inflight.values().iterator();
    }

    /** Removes the in-flight messages a predicate accepts. */
    void removeInflightIf(Predicate<InflightEntry> predicate) {
        inflight.values().removeIf(predicate);
    }

    /** Removes the queued messages a predicate accepts. */
    void removeQueuedIf(Predicate<Delivery> predicate) {
        queue.removeIf(predicate);
    }

    /** Forgets everything; returns how many QoS 1 and 2 messages were lost. */
    int clear() {
        int lost = inflight.size();
        for (Delivery delivery : queue) {
            if (delivery.qos().value() > 0) {
                lost++;
            }
        }
        inflight.clear();
        queue.clear();
        return lost;
    }
}
