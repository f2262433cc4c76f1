package io.petrel.mqtt.device;

import io.petrel.api.Message;
import io.petrel.api.MessageProperties;
import io.petrel.engine.session.Delivery;
import io.petrel.engine.session.Session;
import io.petrel.mqtt.protocol.ActionExecutor;
import io.petrel.mqtt.protocol.MqttConnection;
import io.petrel.mqtt.protocol.ProtocolAction;
import io.petrel.mqtt.protocol.ProtocolError;
import io.petrel.platform.api.DeliveryListener;
import io.petrel.platform.api.Downlink;
import io.petrel.platform.api.Outbound;
import io.petrel.platform.api.PlatformSession;
import io.petrel.platform.api.ReasonCode;
import java.util.ArrayDeque;
import org.jspecify.annotations.Nullable;

/**
 * One device connection as the platform sees it: the way back to the device, and the platform session its
 * packets go to.
 *
 * <p>What the platform sends goes through the connection's broker session like any other message to the
 * client. The session owns the packet ids, the in-flight window the client's receive maximum sets, and the
 * queue behind it; a device that also subscribed to topics of its own namespace gets both kinds of message
 * under one counter, so no packet id is ever used twice [MQTT-2.2.1-4]. The platform hears when its message
 * is delivered: on the PUBACK at QoS 1, once written at QoS 0.
 *
 * <p>{@link Downlink} methods may be called from any thread; everything else runs on the connection's loop.
 */
public final class DeviceLink implements Downlink {
    /** Messages the platform may send while the broker session is being attached; more are refused. */
    private static final int MAX_EARLY = 1000;

    private final MqttConnection conn;
    private final DownlinkDeliveries deliveries = new DownlinkDeliveries();
    private final ArrayDeque<Outbound> early = new ArrayDeque<>();
    private @Nullable PlatformSession session;
    private boolean closed;

    public DeviceLink(MqttConnection conn) {
        this.conn = conn;
    }

    @Override
    public void send(Outbound message) {
        conn.onLoop(() -> deliver(message));
    }

    @Override
    public void close(ReasonCode reason) {
        conn.onLoop(() -> ActionExecutor.execute(conn, ProtocolAction.disconnect(ProtocolError.of(reason))));
    }

    @Override
    public void setReading(boolean reading) {
        conn.onLoop(() -> conn.holdReading(!reading));
    }

    /** The platform opened the session that the connection's packets go to. */
    public void opened(PlatformSession platformSession) {
        this.session = platformSession;
    }

    /** The platform session; only called once it is open. */
    public PlatformSession session() {
        if (session == null) {
            throw new IllegalStateException("the device session is not open");
        }
        return session;
    }

    /** The broker session is attached: what the platform sent meanwhile goes into it. */
    public void attached() {
        Outbound next;
        while ((next = early.poll()) != null) {
            deliver(next);
        }
    }

    /** Sends a message to the device through the connection's broker session. */
    public void deliver(Outbound outbound) {
        DeliveryListener listener = outbound.listener();
        Session broker = conn.session();
        String topic = conn.namespace().topicIn(outbound.topic());
        if (closed || topic == null) {
            if (listener != null) {
                listener.failed();
            }
            return;
        }
        if (broker == null) {
            if (early.size() < MAX_EARLY) {
                early.add(outbound);
            } else if (listener != null) {
                listener.failed();
            }
            return;
        }
        // The retain flag is never set on the device API's messages (device-api.md §0).
        Message message = new Message(topic, outbound.payload(), outbound.qos(), false, MessageProperties.NONE,
                Message.NO_EXPIRY, null);
        Delivery delivery = new Delivery(message, outbound.qos(), false, Delivery.NO_IDS, null, null);
        if (listener == null) {
            broker.deliver(delivery);
            return;
        }
        deliveries.track(delivery, listener);
        int queued = broker.queuedCount();
        broker.deliver(delivery);
        if (deliveries.isUnsent(delivery) && broker.queuedCount() == queued) {
            // Neither written nor queued: the session dropped it (a full queue, a QoS 0 message to a client that
            // cannot take more), and counted the drop.
            deliveries.take(delivery);
            listener.failed();
        }
    }

    /** The listener of a message the platform sent, as the broker session writes it; null for other messages. */
    public @Nullable DeliveryListener listenerOf(Delivery delivery) {
        return deliveries.take(delivery);
    }

    /** A message the platform sent went out at QoS 1 under this packet id. */
    public void awaitAcknowledgement(int packetId, DeliveryListener listener) {
        deliveries.awaitAcknowledgement(packetId, listener);
    }

    /** The device sent PUBACK for a packet id. */
    public void acknowledged(int packetId) {
        deliveries.acknowledged(packetId);
    }

    /** The connection ended: the platform session closes, and what it sent and is undelivered failed. */
    public void closed() {
        if (closed) {
            return;
        }
        closed = true;
        if (session != null) {
            session.onClose();
        }
        deliveries.failAll();
        Outbound next;
        while ((next = early.poll()) != null) {
            if (next.listener() != null) {
                next.listener().failed();
            }
        }
    }
}
