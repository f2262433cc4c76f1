package io.petrel.engine.session;

import io.petrel.api.QoS;
import io.petrel.engine.metrics.DropReason;
import org.jspecify.annotations.Nullable;

/**
 * Sends one session's messages to its client under MQTT's delivery rules: the send quota for QoS 1 and 2
 * (the client's receive maximum), QoS 0 only while the connection can take it, message expiry, the client's
 * maximum packet size, and the resend of unacknowledged messages on a new connection. Its state lives in an
 * {@link OutboundFlow}; it runs on the session's owner loop, like the session.
 */
final class Outbox {
    private final OutboundFlow flow;
    private final SessionContext context;
    /** The connection messages go to once delivery has started on it; null while none may be sent. */
    private @Nullable ClientConnection target;

    Outbox(SessionContext context) {
        this.context = context;
        this.flow = new OutboundFlow(context.config().maxQueued(), context.metrics());
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
        for (InflightEntry entry : flow.inflight()) {
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
    }

    /**
     * Delivers a message, or queues it.
     *
     * @param connected whether a client is connected, even if delivery has not started on it yet
     */
    void deliver(Delivery delivery, boolean connected) {
        if (!connected) {
            if (delivery.qos() == QoS.AT_MOST_ONCE && !context.config().queueQos0Offline()) {
                context.metrics().dropped(DropReason.QOS0_OFFLINE);
            } else {
                enqueue(delivery);
            }
            return;
        }
        ClientConnection conn = target;
        if (conn == null || flow.hasQueued() || flow.hasResend()) {
            enqueue(delivery);
        } else if (delivery.qos() == QoS.AT_MOST_ONCE) {
            sendQos0(conn, delivery);
        } else if (flow.unacknowledgedCount() < quota(conn)) {
            sendTracked(conn, delivery);
        } else {
            enqueue(delivery);
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
            drain();
            return true;
        }
        entry.stage = InflightEntry.Stage.RELEASED;
        conn.sendPubRel(packetId);
        return true;
    }

    /** The client completed a QoS 2 message with PUBCOMP. */
    void completed(int packetId) {
        InflightEntry entry = flow.get(packetId);
        if (entry != null && entry.stage == InflightEntry.Stage.RELEASED) {
            flow.remove(packetId);
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
                && context.sink().redeliverShared(entry.delivery, from));
        flow.removeQueuedIf(delivery -> delivery.sharedGroup() != null
                && context.sink().redeliverShared(delivery, from));
    }

    /** Forgets every message, counting each as dropped because its session ended. */
    void discard() {
        int lost = flow.clear();
        for (int i = 0; i < lost; i++) {
            context.metrics().dropped(DropReason.SESSION_ENDED);
        }
    }

    int queuedCount() {
        return flow.queuedCount();
    }

    int inflightCount() {
        return flow.inflightCount();
    }

    private void enqueue(Delivery delivery) {
        if (!flow.enqueue(delivery)) {
            context.metrics().dropped(DropReason.QUEUE_FULL);
        }
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

    private void sendTracked(ClientConnection conn, Delivery delivery) {
        if (expired(delivery)) {
            return;
        }
        InflightEntry entry = flow.track(delivery);
        if (!sent(delivery, conn.sendPublish(delivery, entry.packetId, false))) {
            // [MQTT-3.1.2-25] a message too large for the client counts as delivered.
            flow.remove(entry.packetId);
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

    private void drain() {
        ClientConnection conn = target;
        if (conn == null) {
            return;
        }
        InflightEntry resend;
        while (flow.unacknowledgedCount() < quota(conn) && (resend = flow.pollResend()) != null) {
            // [MQTT-3.3.1-1] a redelivery carries DUP.
            if (conn.sendPublish(resend.delivery, resend.packetId, true) == SendResult.TOO_LARGE) {
                flow.remove(resend.packetId);
                context.metrics().dropped(DropReason.TOO_LARGE);
            }
        }
        if (flow.hasResend()) {
            return;
        }
        Delivery head;
        while ((head = flow.peekQueued()) != null) {
            if (head.qos() == QoS.AT_MOST_ONCE) {
                if (!conn.isWritable()) {
                    return;
                }
                flow.pollQueued();
                sendQos0(conn, head);
            } else {
                if (flow.unacknowledgedCount() >= quota(conn)) {
                    return;
                }
                flow.pollQueued();
                sendTracked(conn, head);
            }
        }
    }
}
