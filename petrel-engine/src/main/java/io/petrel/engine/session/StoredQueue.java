package io.petrel.engine.session;

import io.petrel.api.store.BrokerStore;
import io.petrel.api.store.DeliveryStage;
import io.petrel.api.store.QueuedMessage;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;

/**
 * A persistent session's side of the store: its sequence numbers, and how many of its stored messages the
 * heap holds. The messages themselves stay in the store; the session keeps at most a window of them in memory
 * and pages the rest in as the client takes them, so that a session that is offline costs a few counters,
 * however long its queue.
 *
 * <p>Threading: {@link #enqueue} runs on the publishers' threads and is serialized by this object's monitor,
 * so that sequence numbers reach the store, and the session, in increasing order. Everything else runs on the
 * session's owner.
 */
final class StoredQueue {
    /** Messages read from the store at a time. */
    static final int PAGE = 256;

    private final String clientId;
    private final BrokerStore store;
    private long lastSequence;

    /** Rows of this session's queue in the store, acknowledged or not yet known to the session. */
    int stored;
    /** Stored messages held in memory, queued or in flight. */
    int inMemory;
    /** The highest sequence number paged into memory, or delivered straight there. */
    long pagedUpTo;
    /** Whether a page read is under way. */
    boolean paging;

    StoredQueue(String clientId, BrokerStore store, long lastSequence, int stored) {
        this.clientId = clientId;
        this.store = store;
        this.lastSequence = lastSequence;
        this.stored = stored;
    }

    /**
     * Gives a delivery the next sequence number, stores it, and hands it to the session. Any thread. The
     * hand-over happens under the same monitor, so that the session receives its stored messages in sequence
     * order, which paging relies on.
     *
     * @return the stage of the store write
     */
    synchronized CompletableFuture<Void> enqueue(Delivery delivery, long messageId, LongConsumer handOver) {
        long sequence = ++lastSequence;
        CompletableFuture<Void> written = store.enqueue(clientId, QueuedMessage.queued(sequence, messageId,
                delivery.message(), delivery.qos().value(), delivery.retain(), delivery.subscriptionIds()))
                .toCompletableFuture();
        handOver.accept(sequence);
        return written;
    }

    /** The last sequence number given out. */
    synchronized long lastSequence() {
        return lastSequence;
    }

    /** Messages in the store that memory does not hold: they wait to be paged in. */
    int backlog() {
        return stored - inMemory;
    }

    void remove(long sequence, long messageId) {
        stored--;
        store.removeDelivery(clientId, sequence, messageId);
    }

    CompletableFuture<Void> sent(long sequence, int packetId, DeliveryStage stage) {
        return store.updateDelivery(clientId, sequence, packetId, stage).toCompletableFuture();
    }

    /** Forgets what memory held: the store has it all, and the next connection pages it in from the start. */
    void releaseMemory() {
        inMemory = 0;
        pagedUpTo = 0;
    }

    BrokerStore store() {
        return store;
    }
}
