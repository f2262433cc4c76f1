package io.petrel.engine.session;

import io.petrel.api.store.BrokerStore;
import io.petrel.api.store.PendingWill;
import io.petrel.api.store.StoredSession;
import io.petrel.api.store.StoredSubscription;
import io.petrel.engine.metrics.DropReason;
import io.petrel.engine.topic.Subscription;
import io.petrel.engine.topic.SubscriptionOptions;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * A session's side of the store: whether it is persistent, the writes that mirror its state there, and the last
 * of them, which acknowledgements wait for. Every write is made only while the session is persistent, which
 * begins with the connection that asks for an expiry above 0 on an engine with a store, and ends with the
 * session. Runs on the session's owner, like the session.
 */
final class SessionPersistence {
    private final String clientId;
    private final SessionContext context;
    private final Outbox outbox;
    private volatile @Nullable StoredQueue storedQueue;
    private long lastSequence;
    private CompletableFuture<Void> lastWrite = Session.DONE;

    SessionPersistence(String clientId, SessionContext context, Outbox outbox) {
        this.clientId = clientId;
        this.context = context;
        this.outbox = outbox;
    }

    /** The stored queue, or null while the session is not persistent. Any thread; the answer may be stale. */
    @Nullable StoredQueue queue() {
        return storedQueue;
    }

    /** The stage of the last write; see {@link Session#lastWrite}. */
    CompletableFuture<Void> lastWrite() {
        return lastWrite;
    }

    /**
     * Writes the session's record as connected; the first time it becomes persistent, its state with it. A
     * persistent session resumed with expiry 0 stays in the store for this connection, so that its stored queue
     * is still delivered; its record says 0, so that after a crash it ends at once.
     */
    CompletableFuture<Void> connected(long expiryIntervalSeconds, Collection<Subscription<Session>> subscriptions,
            Set<Integer> inboundQos2) {
        BrokerStore store = context.store();
        StoredQueue queue = storedQueue;
        if (store == null || (queue == null && expiryIntervalSeconds == 0)) {
            return Session.DONE;
        }
        lastWrite = store.saveSession(clientId, expiryIntervalSeconds, -1).toCompletableFuture();
        if (queue == null) {
            useStore(new StoredQueue(clientId, store, lastSequence, 0));
            for (Subscription<Session> subscription : subscriptions) {
                lastWrite = store.saveSubscription(clientId, stored(subscription)).toCompletableFuture();
            }
            for (int packetId : inboundQos2) {
                lastWrite = store.addInboundQos2(clientId, packetId).toCompletableFuture();
            }
        }
        return lastWrite;
    }

    /** Takes up a session read from the store at startup. */
    void restore(StoredSession stored, BrokerStore store) {
        lastSequence = stored.lastSequence();
        useStore(new StoredQueue(clientId, store, stored.lastSequence(), stored.queued()));
    }

    private void useStore(@Nullable StoredQueue queue) {
        storedQueue = queue;
        outbox.useStore(queue);
    }

    void saveSubscription(Subscription<Session> subscription) {
        StoredQueue queue = storedQueue;
        if (queue != null) {
            lastWrite = queue.store().saveSubscription(clientId, stored(subscription)).toCompletableFuture();
        }
    }

    private static StoredSubscription stored(Subscription<Session> subscription) {
        SubscriptionOptions options = subscription.options();
        return new StoredSubscription(subscription.filter().raw(), options.qos().value(), options.noLocal(),
                options.retainAsPublished(), options.retainHandling().ordinal(), subscription.subscriptionId());
    }

    void deleteSubscription(String filter) {
        StoredQueue queue = storedQueue;
        if (queue != null) {
            lastWrite = queue.store().deleteSubscription(clientId, filter).toCompletableFuture();
        }
    }

    void addInboundQos2(int packetId) {
        StoredQueue queue = storedQueue;
        if (queue != null) {
            // The PUBREC waits for this: after a crash, the resent PUBLISH must still be known as a resend.
            lastWrite = queue.store().addInboundQos2(clientId, packetId).toCompletableFuture();
        }
    }

    void removeInboundQos2(int packetId) {
        StoredQueue queue = storedQueue;
        if (queue != null) {
            lastWrite = queue.store().removeInboundQos2(clientId, packetId).toCompletableFuture();
        }
    }

    void deleteWill() {
        StoredQueue queue = storedQueue;
        if (queue != null) {
            queue.store().deleteWill(clientId);
        }
    }

    /**
     * Records that the client disconnected and the session lives on, with the will that waits for its delay.
     * The store holds every stored message: an offline session keeps none of them on the heap.
     */
    void disconnected(long expiryIntervalSeconds, @Nullable Will due) {
        StoredQueue queue = storedQueue;
        if (queue == null) {
            return;
        }
        long now = context.clock().millis();
        queue.store().saveSession(clientId, expiryIntervalSeconds, now);
        outbox.dropStored();
        queue.releaseMemory();
        if (due != null && due.delaySeconds() > 0) {
            long publishAt = now + due.delaySeconds() * 1000;
            queue.store().saveWill(new PendingWill(clientId, due.messageAt(publishAt), publishAt));
        }
    }

    /** The session ended: its stored messages count as dropped, and it leaves the store. */
    void discard() {
        StoredQueue queue = storedQueue;
        BrokerStore store = context.store();
        if (queue != null && store != null) {
            for (int i = 0; i < queue.backlog(); i++) {
                context.metrics().dropped(DropReason.SESSION_ENDED);
            }
            // Later sequence numbers continue the old ones, so that none is reused.
            lastSequence = Math.max(lastSequence, queue.lastSequence());
            useStore(null);
            lastWrite = store.deleteSession(clientId).toCompletableFuture();
        }
    }
}
