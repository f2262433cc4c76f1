package io.petrel.engine.session;

import io.petrel.engine.metrics.BrokerMetrics;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * One session's outbound state: the messages in flight, keyed by packet id in the order they were sent,
 * and the bounded queue of messages waiting for a free slot or for the client to reconnect. Owned by the
 * session's loop. Every change is mirrored in the broker-wide gauges of {@link BrokerMetrics}, which
 * {@code $SYS/broker/store/messages/count} reads.
 */
final class OutboundFlow {
    private final LinkedHashMap<Integer, InflightEntry> inflight = new LinkedHashMap<>();
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private final ArrayDeque<InflightEntry> awaitingResend = new ArrayDeque<>();
    private final int maxQueued;
    private final BrokerMetrics metrics;
    private int nextPacketId = 1;

    OutboundFlow(int maxQueued, BrokerMetrics metrics) {
        this.maxQueued = maxQueued;
        this.metrics = metrics;
    }

    int inflightCount() {
        return inflight.size();
    }

    /**
     * The messages the client holds unacknowledged on its current connection, which its receive maximum
     * limits: those in flight, less those still waiting to be resent after a reconnect.
     */
    int unacknowledgedCount() {
        return inflight.size() - awaitingResend.size();
    }

    /** Plans the resend of every in-flight PUBLISH on a new connection, in the order they were first sent. */
    void planResend() {
        awaitingResend.clear();
        for (InflightEntry entry : inflight.values()) {
            if (entry.stage == InflightEntry.Stage.PUBLISHED) {
                awaitingResend.addLast(entry);
            }
        }
    }

    boolean hasResend() {
        return !awaitingResend.isEmpty();
    }

    @Nullable InflightEntry peekResend() {
        return awaitingResend.peekFirst();
    }

    @Nullable InflightEntry pollResend() {
        return awaitingResend.pollFirst();
    }

    boolean hasQueued() {
        return !queue.isEmpty();
    }

    int queuedCount() {
        return queue.size();
    }

    /** Queues a delivery; false if the queue is full. */
    boolean enqueue(Pending pending) {
        if (queue.size() >= maxQueued) {
            return false;
        }
        queue.addLast(pending);
        metrics.queuedChanged(1);
        return true;
    }

    /** Queues a message paged in from the store, whose own bound already admitted it. */
    void enqueueStored(Pending pending) {
        queue.addLast(pending);
        metrics.queuedChanged(1);
    }

    @Nullable Pending peekQueued() {
        return queue.peekFirst();
    }

    @Nullable Pending pollQueued() {
        Pending head = queue.pollFirst();
        if (head != null) {
            metrics.queuedChanged(-1);
        }
        return head;
    }

    /**
     * Starts tracking a delivery under a fresh packet id that no in-flight message uses [MQTT-2.2.1-4]. The
     * caller keeps the in-flight count below 65,535, so a free id always exists.
     */
    InflightEntry track(Pending pending) {
        while (inflight.containsKey(nextPacketId)) {
            advance();
        }
        InflightEntry entry = new InflightEntry(pending.delivery(), nextPacketId, pending.sequence(),
                pending.messageId());
        inflight.put(nextPacketId, entry);
        metrics.inflightChanged(1);
        advance();
        return entry;
    }

    /** Tracks a message that was in flight on an earlier connection, under the packet id it had then. */
    InflightEntry restore(Pending pending, int packetId, InflightEntry.Stage stage) {
        InflightEntry entry = new InflightEntry(pending.delivery(), packetId, pending.sequence(), pending.messageId());
        entry.stage = stage;
        inflight.put(packetId, entry);
        metrics.inflightChanged(1);
        return entry;
    }

    private void advance() {
        nextPacketId = nextPacketId == 65_535 ? 1 : nextPacketId + 1;
    }

    @Nullable InflightEntry get(int packetId) {
        return inflight.get(packetId);
    }

    void remove(int packetId) {
        InflightEntry removed = inflight.remove(packetId);
        if (removed != null) {
            metrics.inflightChanged(-1);
            if (!awaitingResend.isEmpty()) {
                awaitingResend.remove(removed);
            }
        }
    }

    /** A snapshot of the in-flight messages in the order they were first sent. */
    List<InflightEntry> inflight() {
        return new ArrayList<>(inflight.values());
    }

    /** Removes the in-flight messages a predicate accepts. */
    void removeInflightIf(Predicate<InflightEntry> predicate) {
        int before = inflight.size();
        inflight.values().removeIf(predicate);
        metrics.inflightChanged(inflight.size() - before);
        awaitingResend.removeIf(entry -> inflight.get(entry.packetId) != entry);
    }

    /** Removes the queued messages a predicate accepts. */
    void removeQueuedIf(Predicate<Pending> predicate) {
        int before = queue.size();
        for (Iterator<Pending> it = queue.iterator(); it.hasNext(); ) {
            if (predicate.test(it.next())) {
                it.remove();
            }
        }
        metrics.queuedChanged(queue.size() - before);
    }

    /**
     * Forgets the stored messages, in flight or queued: the store keeps them, and the next connection pages
     * them in again.
     */
    void dropStored() {
        removeInflightIf(InflightEntry::isStored);
        removeQueuedIf(Pending::isStored);
    }

    /** Forgets everything; returns how many messages were lost, in flight or queued. */
    int clear() {
        int lost = inflight.size() + queue.size();
        metrics.inflightChanged(-inflight.size());
        metrics.queuedChanged(-queue.size());
        inflight.clear();
        queue.clear();
        awaitingResend.clear();
        return lost;
    }
}
