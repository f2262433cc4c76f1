package io.petrel.engine.session;

import io.petrel.api.QoS;
import io.petrel.api.store.DeliveryStage;
import io.petrel.api.store.QueuedMessage;
import io.petrel.engine.metrics.DropReason;
import java.util.List;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A persistent session's side of its {@link Outbox}: the store reads and commits that sending waits for. The
 * messages it must not lose are in the store ({@link StoredQueue}): only a window of them is in memory, paged in
 * as the client takes them, and none while no client is connected. A stored QoS 2 message leaves only once its
 * packet id is committed, so that a resend after a crash carries the id the client knows; the messages behind
 * it wait, which keeps the order of PUBLISH packets.
 *
 * <p>Created with the session's stored queue; runs on the session's owner, like the outbox. Store results come
 * back through the outbox's owner executor, never inside the caller.
 */
final class StoredDeliveries {
    private static final Logger LOG = LoggerFactory.getLogger(StoredDeliveries.class);

    private final Outbox outbox;
    private final OutboundFlow flow;
    private final SessionContext context;
    private final String clientId;
    private final StoredQueue queue;
    /** See {@link Outbox}: the session's owner, in a later turn of its loop. */
    private final Executor owner;
    private final Runnable changed;

    StoredDeliveries(Outbox outbox, OutboundFlow flow, SessionContext context, String clientId, StoredQueue queue,
            Executor owner, Runnable changed) {
        this.outbox = outbox;
        this.flow = flow;
        this.context = context;
        this.clientId = clientId;
        this.queue = queue;
        this.owner = owner;
        this.changed = changed;
    }

    /**
     * A stored message reached the owner: it goes to the client at once, or is paged in later, in order.
     *
     * @param conn the connection delivery has started on, or null
     * @param epoch the outbox's current delivery epoch
     */
    void deliver(Pending pending, @Nullable ClientConnection conn, int epoch) {
        queue.stored++;
        if (pending.sequence() <= queue.pagedUpTo) {
            return; // already paged in from the store
        }
        if (queue.stored > context.config().maxQueued()) {
            queue.remove(pending.sequence(), pending.messageId());
            context.metrics().dropped(DropReason.QUEUE_FULL);
            return;
        }
        // Straight to memory only while nothing older waits in the store; otherwise it is paged in, in order.
        if (conn != null && queue.backlog() == 1 && !queue.paging) {
            queue.inMemory++;
            queue.pagedUpTo = pending.sequence();
            outbox.deliverOnline(conn, pending);
        } else {
            refill(conn, epoch);
        }
    }

    /**
     * Commits a stored QoS 2 message's packet id before its PUBLISH leaves: exactly once survives a crash only if
     * the packet id is on disk first, since a resend under a new id would be a second message to the client.
     * The entry is not recorded until then.
     */
    void recordPacketId(InflightEntry entry) {
        entry.recorded = false;
        queue.sent(entry.sequence, entry.packetId, DeliveryStage.PUBLISHED)
                .whenComplete((ok, failure) -> owner.execute(() -> {
                    entry.recorded = true;
                    outbox.drain();
                    changed.run();
                }));
    }

    /**
     * Commits a stored QoS 2 message's release, then sends its PUBREL: once the client has its PUBREL it forgets
     * the packet id, and a PUBLISH resent after a crash would be a second message to it. Commits complete in
     * order, so the PUBRELs keep the order of the PUBRECs [MQTT-4.6.0-4].
     */
    void release(ClientConnection conn, InflightEntry entry) {
        int packetId = entry.packetId;
        queue.sent(entry.sequence, packetId, DeliveryStage.RELEASED)
                .whenComplete((ok, failure) -> owner.execute(() -> {
                    if (outbox.isTarget(conn) && flow.get(packetId) == entry) {
                        conn.sendPubRel(packetId);
                    }
                }));
    }

    /** Pages the next stored messages in, when a client takes them and memory has room for them. */
    void refill(@Nullable ClientConnection target, int epoch) {
        if (target == null || queue.paging || queue.backlog() <= 0 || flow.queuedCount() >= StoredQueue.PAGE) {
            return;
        }
        queue.paging = true;
        queue.store().readQueue(clientId, queue.pagedUpTo, StoredQueue.PAGE)
                .whenComplete((page, failure) -> owner.execute(() -> paged(epoch, page, failure)));
    }

    private void paged(int pagedIn, @Nullable List<QueuedMessage> page, @Nullable Throwable failure) {
        queue.paging = false;
        ClientConnection conn = outbox.pagingTarget(queue, pagedIn);
        if (conn == null) {
            return; // a newer connection pages again from the start
        }
        if (failure != null || page == null) {
            LOG.warn("{}: reading the stored queue failed; it stays in the store", clientId, failure);
            return;
        }
        try {
            page(conn, page);
        } finally {
            changed.run();
        }
    }

    private void page(ClientConnection conn, List<QueuedMessage> page) {
        for (QueuedMessage message : page) {
            if (message.sequence() <= queue.pagedUpTo) {
                continue;
            }
            queue.pagedUpTo = message.sequence();
            queue.inMemory++;
            Delivery delivery = new Delivery(message.message(), QoS.of(message.qos()), message.retain(),
                    message.subscriptionIds(), null, null);
            Pending pending = new Pending(delivery, message.sequence(), message.messageId());
            if (message.stage() != DeliveryStage.QUEUED && flow.get(message.packetId()) == null) {
                resumeInflight(conn, pending, message);
            } else {
                flow.enqueueStored(pending);
            }
        }
        outbox.drain();
    }

    /** A message in flight when the connection, or the server, went away: [MQTT-4.4.0-1] resend it as it was. */
    private void resumeInflight(ClientConnection conn, Pending pending, QueuedMessage message) {
        boolean released = message.stage() == DeliveryStage.RELEASED;
        InflightEntry entry = flow.restore(pending, message.packetId(),
                released ? InflightEntry.Stage.RELEASED : InflightEntry.Stage.PUBLISHED);
        if (released) {
            conn.sendPubRel(entry.packetId);
        } else if (conn.sendPublish(entry.delivery, entry.packetId, true) == SendResult.TOO_LARGE) {
            flow.remove(entry.packetId);
            outbox.forget(entry.sequence, entry.messageId);
            context.metrics().dropped(DropReason.TOO_LARGE);
        }
    }
}
