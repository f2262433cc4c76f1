package io.petrel.engine.session;

import io.petrel.api.QoS;
import io.petrel.engine.metrics.DropReason;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * Sends one session's messages to its client under MQTT's delivery rules: the send quota for QoS 1 and 2
 * (the client's receive maximum), QoS 0 only while the connection can take it, message expiry, the client's
 * maximum packet size, and the resend of unacknowledged messages on a new connection. Its state lives in an
 * {@link OutboundFlow}; it runs on the session's owner loop, like the session. For a persistent session, what
 * it reads from and commits to the store first is {@link StoredDeliveries}' business.
 */
final class Outbox {
    private final OutboundFlow flow;
    private final SessionContext context;
    private final String clientId;
    /**
     * Runs tasks on the session's owner, in a later turn of its loop. Store results come back on the store's
     * thread, or on the caller's when the write was already complete; run there, a commit's callback would
     * re-enter {@link #drain} while {@link #sendTracked} is still placing its message, and every message queued
     * behind a QoS 2 message would go out ahead of it [MQTT-4.6.0-5].
     */
    private final Executor owner;
    /** Tells the session that what it holds changed, after work that store results started. */
    private final Runnable changed;
    /**
     * In-flight messages not sent yet, in order: the first waits for its packet id to be committed. Only stored
     * QoS 2 messages ever wait so; created when the first does.
     */
    private @Nullable ArrayDeque<InflightEntry> unsent;
    /** The connection messages go to once delivery has started on it; null while none may be sent. */
    private @Nullable ClientConnection target;
    private @Nullable StoredQueue stored;
    /** Created with the stored queue. */
    private @Nullable StoredDeliveries storedDeliveries;
    /** Changes whenever delivery starts or stops, so that a page read for an earlier connection is ignored. */
    private int epoch;

    Outbox(SessionContext context, String clientId, Executor owner, Runnable changed) {
        this.context = context;
        this.clientId = clientId;
        this.owner = owner;
        this.changed = changed;
        this.flow = new OutboundFlow(context.config().maxQueued(), context.metrics());
    }

    /** The session's stored queue, or null while the session is not persistent. */
    void useStore(@Nullable StoredQueue queue) {
        stored = queue;
        storedDeliveries = queue == null ? null
                : new StoredDeliveries(this, flow, context, clientId, queue, owner, changed);
    }

    /**
     * Starts delivery on a connection, after its CONNACK: resends every PUBREL and every unacknowledged PUBLISH
     * with DUP set [MQTT-4.4.0-1], then sends the queue. The resent PUBLISH packets respect the new
     * connection's receive maximum [MQTT-3.3.4-9], which may be lower than the old one: those that do not fit
     * wait for acknowledgements, ahead of the queue.
     */
    void start(ClientConnection conn) {
        if (target == conn) {
            return;
        }
        target = conn;
        epoch++;
        unsent = null;
        for (InflightEntry entry : flow.inflightSnapshot()) {
            if (entry.stage == InflightEntry.Stage.RELEASED) {
                conn.sendPubRel(entry.packetId);
            }
        }
        flow.planResend();
        drain();
    }

    /** Stops sending: the connection is gone or replaced. Messages queue until the next start. */
    void stop() {
        target = null;
        epoch++;
    }

    /**
     * Delivers a message, or queues it.
     *
     * @param connected whether a client is connected, even if delivery has not started on it yet
     */
    void deliver(Pending pending, boolean connected) {
        StoredDeliveries persistent = storedDeliveries;
        if (pending.isStored() && persistent != null) {
            persistent.deliver(pending, target, epoch);
            return;
        }
        Delivery delivery = pending.delivery();
        if (!connected) {
            if (delivery.qos() == QoS.AT_MOST_ONCE && !context.config().queueQos0Offline()) {
                context.metrics().dropped(DropReason.QOS0_OFFLINE);
            } else {
                enqueue(pending);
            }
            return;
        }
        ClientConnection conn = target;
        if (conn == null) {
            enqueue(pending);
        } else {
            deliverOnline(conn, pending);
        }
    }

    void deliverOnline(ClientConnection conn, Pending pending) {
        Delivery delivery = pending.delivery();
        if (flow.hasQueued() || flow.hasResend() || hasUnsent()) {
            enqueue(pending);
        } else if (delivery.qos() == QoS.AT_MOST_ONCE) {
            if (conn.isWritable()) {
                sendQos0(conn, delivery);
                forget(pending.sequence(), pending.messageId());
            } else {
                // It waits for writability in the queue, where it counts toward the backlog that holds
                // publishers back, rather than being dropped.
                enqueue(pending);
            }
        } else if (flow.unacknowledgedCount() < quota(conn)) {
            sendTracked(conn, pending);
        } else {
            enqueue(pending);
        }
    }

    /** The connection can take more bytes again: sends what waited for it. */
    void writable() {
        drain();
    }

    /** The client acknowledged a QoS 1 message with PUBACK. */
    void acknowledge(int packetId) {
        InflightEntry entry = flow.get(packetId);
        if (entry != null && entry.delivery.qos() == QoS.AT_LEAST_ONCE) {
            flow.remove(packetId);
            forget(entry.sequence, entry.messageId);
            drain();
        }
    }

    /**
     * The client answered a QoS 2 message with PUBREC: PUBREL follows [MQTT-4.3.3-4], unless the PUBREC
     * carried an error, which ends the exchange [MQTT-4.4.0-2].
     *
     * @return false if no QoS 2 message is in flight under this packet id
     */
    boolean received(int packetId, boolean accepted) {
        InflightEntry entry = flow.get(packetId);
        ClientConnection conn = target;
        if (entry == null || entry.delivery.qos() != QoS.EXACTLY_ONCE || conn == null) {
            return false;
        }
        if (!accepted) {
            flow.remove(packetId);
            forget(entry.sequence, entry.messageId);
            drain();
            return true;
        }
        entry.stage = InflightEntry.Stage.RELEASED;
        StoredDeliveries persistent = storedDeliveries;
        if (entry.isStored() && persistent != null) {
            persistent.release(conn, entry);
            return true;
        }
        conn.sendPubRel(packetId);
        return true;
    }

    /** The client completed a QoS 2 message with PUBCOMP. */
    void completed(int packetId) {
        InflightEntry entry = flow.get(packetId);
        if (entry != null && entry.stage == InflightEntry.Stage.RELEASED) {
            flow.remove(packetId);
            forget(entry.sequence, entry.messageId);
            drain();
        }
    }

    /**
     * Hands the messages that reached {@code from} through a share group, and that another member can still
     * take, to another member: unacknowledged QoS 1 messages, which MQTT 5 §4.8.2 allows to go elsewhere once
     * the connection is lost, and queued messages whose delivery never started. A QoS 2 message already sent
     * stays: its delivery completes when this client reconnects [MQTT-4.8.2-4], and it is never sent to
     * another client [MQTT-4.8.2-5].
     */
    void handBackShared(Session from) {
        flow.removeInflightIf(entry -> entry.delivery.sharedGroup() != null
                && entry.delivery.qos() == QoS.AT_LEAST_ONCE
                && context.sink().redeliverShared(entry.delivery, from)
                && forget(entry.sequence, entry.messageId));
        flow.removeQueuedIf(pending -> pending.delivery().sharedGroup() != null
                && context.sink().redeliverShared(pending.delivery(), from)
                && forget(pending.sequence(), pending.messageId()));
    }

    /** Forgets the stored messages in memory: the store keeps them, and the next connection pages them in. */
    void dropStored() {
        flow.dropStored();
        unsent = null;
    }

    /** Forgets every message, counting each as dropped because its session ended. */
    void discard() {
        int lost = flow.clear();
        unsent = null;
        for (int i = 0; i < lost; i++) {
            context.metrics().dropped(DropReason.SESSION_ENDED);
        }
    }

    int queuedCount() {
        return flow.queuedCount();
    }

    private boolean hasUnsent() {
        return unsent != null && !unsent.isEmpty();
    }

    /** Messages the session holds and has not sent: queued in memory, or in the store and not paged in. */
    int held() {
        StoredQueue queue = stored;
        return flow.queuedCount() + (queue != null ? Math.max(0, queue.backlog()) : 0);
    }

    int inflightCount() {
        return flow.inflightCount();
    }

    private void enqueue(Pending pending) {
        if (pending.isStored()) {
            flow.enqueueStored(pending);
        } else if (!flow.enqueue(pending)) {
            context.metrics().dropped(DropReason.QUEUE_FULL);
        }
    }

    /**
     * A stored message left memory for good (sent at QoS 0, acknowledged, expired, dropped, handed to another
     * share-group member): it leaves the store too.
     *
     * @return true, so that it can end a predicate
     */
    boolean forget(long sequence, long messageId) {
        StoredQueue queue = stored;
        if (sequence != 0 && queue != null) {
            queue.inMemory--;
            queue.remove(sequence, messageId);
        }
        return true;
    }

    private int quota(ClientConnection conn) {
        return Math.min(conn.receiveMaximum(), context.config().maxInflight());
    }

    private boolean expired(Delivery delivery) {
        // [MQTT-3.3.2-5] an expired message is not delivered.
        if (delivery.message().isExpiredAt(context.clock().millis())) {
            context.metrics().dropped(DropReason.EXPIRED);
            return true;
        }
        return false;
    }

    private void sendQos0(ClientConnection conn, Delivery delivery) {
        if (expired(delivery)) {
            return;
        }
        if (!conn.isWritable()) {
            context.metrics().dropped(DropReason.SLOW_CONSUMER);
            return;
        }
        sent(delivery, conn.sendPublish(delivery, 0, false));
    }

    private void sendTracked(ClientConnection conn, Pending pending) {
        if (expired(pending.delivery())) {
            forget(pending.sequence(), pending.messageId());
            return;
        }
        InflightEntry entry = flow.track(pending);
        StoredDeliveries persistent = storedDeliveries;
        if (entry.isStored() && persistent != null && entry.delivery.qos() == QoS.EXACTLY_ONCE) {
            persistent.recordPacketId(entry);
        }
        if (entry.recorded && !hasUnsent()) {
            publishTracked(conn, entry);
        } else {
            if (unsent == null) {
                unsent = new ArrayDeque<>(4);
            }
            unsent.addLast(entry);
        }
    }

    private void publishTracked(ClientConnection conn, InflightEntry entry) {
        if (!sent(entry.delivery, conn.sendPublish(entry.delivery, entry.packetId, false))) {
            // [MQTT-3.1.2-25] a message too large for the client counts as delivered.
            flow.remove(entry.packetId);
            forget(entry.sequence, entry.messageId);
        }
    }

    private boolean sent(Delivery delivery, SendResult result) {
        if (result == SendResult.TOO_LARGE) {
            context.metrics().dropped(DropReason.TOO_LARGE);
            return false;
        }
        context.metrics().publishSent(delivery.message().payload().length);
        return true;
    }

    void drain() {
        ClientConnection conn = target;
        if (conn == null) {
            return;
        }
        ArrayDeque<InflightEntry> waiting = unsent;
        if (waiting != null) {
            InflightEntry head;
            while ((head = waiting.peekFirst()) != null && head.recorded) {
                waiting.pollFirst();
                if (flow.get(head.packetId) == head) {
                    publishTracked(conn, head);
                }
            }
            if (!waiting.isEmpty()) {
                return;
            }
        }
        InflightEntry resend;
        while (flow.unacknowledgedCount() < quota(conn) && (resend = flow.peekResend()) != null
                && resend.recorded) {
            flow.pollResend();
            // [MQTT-3.3.1-1] a redelivery carries DUP.
            if (conn.sendPublish(resend.delivery, resend.packetId, true) == SendResult.TOO_LARGE) {
                flow.remove(resend.packetId);
                forget(resend.sequence, resend.messageId);
                context.metrics().dropped(DropReason.TOO_LARGE);
            }
        }
        if (flow.hasResend()) {
            return;
        }
        Pending queued;
        while ((queued = flow.peekQueued()) != null) {
            if (queued.delivery().qos() == QoS.AT_MOST_ONCE) {
                if (!conn.isWritable()) {
                    return;
                }
                flow.pollQueued();
                sendQos0(conn, queued.delivery());
                forget(queued.sequence(), queued.messageId());
            } else {
                if (flow.unacknowledgedCount() >= quota(conn)) {
                    return;
                }
                flow.pollQueued();
                sendTracked(conn, queued);
            }
        }
        refill();
    }

    private void refill() {
        StoredDeliveries persistent = storedDeliveries;
        if (persistent != null) {
            persistent.refill(target, epoch);
        }
    }

    boolean isTarget(ClientConnection conn) {
        return target == conn;
    }

    /** The connection a page read during {@code epoch} goes to, or null if delivery stopped or restarted since. */
    @Nullable ClientConnection pagingTarget(StoredQueue queue, int epoch) {
        return queue == stored && epoch == this.epoch ? target : null;
    }
}
