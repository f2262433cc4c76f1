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
 *
 * <p>The collections are created when first needed and dropped again once empty: most sessions are idle most of
 * the time, and an idle session should cost a few fields, not three empty collections.
 */
final class OutboundFlow {
    private static final List<InflightEntry> NONE = List.of();

    private @Nullable LinkedHashMap<Integer, InflightEntry> inflight;
    private @Nullable ArrayDeque<Pending> queue;
    private @Nullable ArrayDeque<InflightEntry> awaitingResend;
    private final int maxQueued;
    private final BrokerMetrics metrics;
    private int nextPacketId = 1;

    OutboundFlow(int maxQueued, BrokerMetrics metrics) {
        this.maxQueued = maxQueued;
        this.metrics = metrics;
    }

    int inflightCount() {
        return inflight == null ? 0 : inflight.size();
    }

    /**
     * The messages the client holds unacknowledged on its current connection, which its receive maximum
     * limits: those in flight, less those still waiting to be resent after a reconnect.
     */
    int unacknowledgedCount() {
        return inflightCount() - (awaitingResend == null ? 0 : awaitingResend.size());
    }

    /** Plans the resend of every in-flight PUBLISH on a new connection, in the order they were first sent. */
    void planResend() {
        awaitingResend = null;
        if (inflight == null) {
            return;
        }
        for (InflightEntry entry : inflight.values()) {
            if (entry.stage == InflightEntry.Stage.PUBLISHED) {
                if (awaitingResend == null) {
                    awaitingResend = new ArrayDeque<>();
                }
                awaitingResend.addLast(entry);
            }
        }
    }

    boolean hasResend() {
        return awaitingResend != null && !awaitingResend.isEmpty();
    }

    @Nullable InflightEntry peekResend() {
        return awaitingResend == null ? null : awaitingResend.peekFirst();
    }

    @Nullable InflightEntry pollResend() {
        if (awaitingResend == null) {
            return null;
        }
        InflightEntry head = awaitingResend.pollFirst();
        if (awaitingResend.isEmpty()) {
            awaitingResend = null;
        }
        return head;
    }

    boolean hasQueued() {
        return queue != null && !queue.isEmpty();
    }

    int queuedCount() {
        return queue == null ? 0 : queue.size();
    }

    /** Queues a delivery; false if the queue is full. */
    boolean enqueue(Pending pending) {
        if (queuedCount() >= maxQueued) {
            return false;
        }
        enqueueStored(pending);
        return true;
    }

    /** Queues a message paged in from the store, whose own bound already admitted it. */
    void enqueueStored(Pending pending) {
        if (queue == null) {
            queue = new ArrayDeque<>();
        }
        queue.addLast(pending);
        metrics.queuedChanged(1);
    }

    @Nullable Pending peekQueued() {
        return queue == null ? null : queue.peekFirst();
    }

    @Nullable Pending pollQueued() {
        if (queue == null) {
            return null;
        }
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
        LinkedHashMap<Integer, InflightEntry> tracked = inflight();
        while (tracked.containsKey(nextPacketId)) {
            advance();
        }
        InflightEntry entry = new InflightEntry(pending.delivery(), nextPacketId, pending.sequence(),
                pending.messageId());
        tracked.put(nextPacketId, entry);
        metrics.inflightChanged(1);
        advance();
        return entry;
    }

    /** Tracks a message that was in flight on an earlier connection, under the packet id it had then. */
    InflightEntry restore(Pending pending, int packetId, InflightEntry.Stage stage) {
        InflightEntry entry = new InflightEntry(pending.delivery(), packetId, pending.sequence(), pending.messageId());
        entry.stage = stage;
        inflight().put(packetId, entry);
        metrics.inflightChanged(1);
        return entry;
    }

    private void advance() {
        nextPacketId = nextPacketId == 65_535 ? 1 : nextPacketId + 1;
    }

    private LinkedHashMap<Integer, InflightEntry> inflight() {
        if (inflight == null) {
            inflight = new LinkedHashMap<>();
        }
        return inflight;
    }

    @Nullable InflightEntry get(int packetId) {
        return inflight == null ? null : inflight.get(packetId);
    }

    void remove(int packetId) {
        if (inflight == null) {
            return;
        }
        InflightEntry removed = inflight.remove(packetId);
        if (removed != null) {
            metrics.inflightChanged(-1);
            if (awaitingResend != null) {
                awaitingResend.remove(removed);
            }
        }
    }

    /** A snapshot of the in-flight messages in the order they were first sent. */
    List<InflightEntry> inflightSnapshot() {
        return inflight == null ? NONE : new ArrayList<>(inflight.values());
    }

    /** Removes the in-flight messages a predicate accepts. */
    void removeInflightIf(Predicate<InflightEntry> predicate) {
        LinkedHashMap<Integer, InflightEntry> tracked = inflight;
        if (tracked == null) {
            return;
        }
        int before = tracked.size();
        tracked.values().removeIf(predicate);
        metrics.inflightChanged(tracked.size() - before);
        if (awaitingResend != null) {
            awaitingResend.removeIf(entry -> tracked.get(entry.packetId) != entry);
        }
    }

    /** Removes the queued messages a predicate accepts. */
    void removeQueuedIf(Predicate<Pending> predicate) {
        if (queue == null) {
            return;
        }
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
        int lost = inflightCount() + queuedCount();
        metrics.inflightChanged(-inflightCount());
        metrics.queuedChanged(-queuedCount());
        inflight = null;
        queue = null;
        awaitingResend = null;
        return lost;
    }
}
