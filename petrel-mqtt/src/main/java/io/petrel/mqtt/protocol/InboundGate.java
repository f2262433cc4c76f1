package io.petrel.mqtt.protocol;

import io.netty.channel.Channel;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.petrel.engine.session.Intake;
import java.util.ArrayDeque;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * What a connection reads, and when. The socket is read only while no reason to stop holds: a packet waiting
 * for the CONNACK, a publish rate over its quota, flow control ({@link Intake#PAUSED}), the device platform's pace, or too many packets held.
 * Packets that arrive while they may not be processed yet (before the CONNACK, or while flow control makes the
 * publisher wait) are held in order and processed once the way is free. Acknowledgements of what the client
 * receives pass at once, so that a client whose own session is backed up can always drain it.
 *
 * <p>Confined to the connection's event loop. The queue of held packets is created on first use.
 */
public final class InboundGate {
    /**
     * CONNECT is in progress: reading stops once a packet waits for the CONNACK. Nearly every client sends
     * nothing before its CONNACK, and turning reading off and on again would cost every connect two
     * {@code epoll_ctl} calls of the two dozen system calls it makes.
     */
    static final int CONNECTING = 1;
    /** Reading stops for a while: the client publishes faster than its quota allows. */
    static final int THROTTLED = 1 << 1;
    /** Reading stops: flow control makes the publisher wait for its subscribers. */
    static final int FLOW = 1 << 2;
    /** Reading stops: as many packets as allowed are held already. */
    static final int FULL = 1 << 3;
    /** Reading stops: the device platform has as many of the device's publishes awaiting decisions as it allows. */
    static final int DEVICE = 1 << 4;

    /** What becomes of a packet that arrives. */
    public enum Decision {
        /** Process it now. */
        PASS,
        /** Held: it is processed later, in order. */
        HELD,
        /** A QoS 0 PUBLISH shed because the publisher waits and holds too much already. */
        SHED
    }

    /**
     * Payload bytes held at most before reading stops, whatever the count: a client that honours the receive
     * maximum may still send that many packets of the maximum size.
     */
    static final int MAX_HELD_BYTES = 1 << 20;

    private final Channel channel;
    private final Consumer<MqttMessage> consumer;
    private int stops;
    private Intake intake = Intake.OPEN;
    private @Nullable ArrayDeque<MqttMessage> held;
    private boolean releasing;
    private long heldBytes;

    InboundGate(Channel channel, Consumer<MqttMessage> consumer) {
        this.channel = channel;
        this.consumer = consumer;
    }

    /** Stops reading from the socket for a reason. */
    void stop(int reason) {
        stops |= reason;
        apply();
    }

    /** Lifts one reason to stop reading; reading resumes once none is left. */
    void go(int reason) {
        stops &= ~reason;
        apply();
    }

    boolean stopped(int reason) {
        return (stops & reason) != 0;
    }

    private void apply() {
        int holding = stops;
        if ((holding & CONNECTING) != 0 && heldCount() == 0) {
            holding &= ~CONNECTING;
        }
        boolean read = holding == 0;
        if (channel.config().isAutoRead() != read) {
            channel.config().setAutoRead(read);
        }
    }

    Intake intake() {
        return intake;
    }

    /** Sets what flow control lets the connection read; an open intake processes what was held. */
    void intake(Intake mode) {
        intake = mode;
        if (mode == Intake.PAUSED) {
            stop(FLOW);
        } else {
            go(FLOW);
        }
    }

    /**
     * Decides what becomes of a packet that arrived on a connected client, and holds it if it must wait.
     *
     * @param limit how many packets may be held before reading stops, and QoS 0 PUBLISH packets are shed; so
     *         are they once {@link #MAX_HELD_BYTES} are held
     */
    Decision admit(MqttMessage packet, int limit) {
        ArrayDeque<MqttMessage> queue = held;
        if (intake == Intake.OPEN && (queue == null || queue.isEmpty())) {
            return Decision.PASS;
        }
        if (packet.decoderResult().isSuccess() && passesAlways(packet.fixedHeader().messageType())) {
            return Decision.PASS;
        }
        if (queue != null && (queue.size() >= limit || heldBytes >= MAX_HELD_BYTES)) {
            if (packet.fixedHeader().messageType() == MqttMessageType.PUBLISH
                    && packet.fixedHeader().qosLevel().value() == 0 && packet.decoderResult().isSuccess()
                    && !setsTopicAlias(packet)) {
                return Decision.SHED;
            }
            stop(FULL);
        }
        hold(packet);
        return Decision.HELD;
    }

    /**
     * Whether a PUBLISH carries a Topic Alias. Such a packet is never shed: it may map the alias to its topic,
     * and the client's later packets that use the alias alone would then be refused with 0x94.
     */
    private static boolean setsTopicAlias(MqttMessage packet) {
        return packet instanceof MqttPublishMessage publish
                && publish.variableHeader().properties().getProperty(MqttPropertyType.TOPIC_ALIAS.value()) != null;
    }

    /** Acknowledgements of outbound messages, and pings, which never wait behind anything. */
    private static boolean passesAlways(MqttMessageType type) {
        return type == MqttMessageType.PUBACK || type == MqttMessageType.PUBREC || type == MqttMessageType.PUBCOMP
                || type == MqttMessageType.PINGREQ;
    }

    /**
     * Holds a packet whatever the limit, such as one that arrived before the CONNACK.
     */
    void hold(MqttMessage packet) {
        ArrayDeque<MqttMessage> queue = held;
        if (queue == null) {
            queue = new ArrayDeque<>(4);
            held = queue;
        }
        queue.add(packet);
        heldBytes += payloadBytes(packet);
        if (stopped(CONNECTING)) {
            apply();
        }
    }

    private static int payloadBytes(MqttMessage packet) {
        return packet instanceof MqttPublishMessage publish ? publish.payload().readableBytes() : 0;
    }

    int heldCount() {
        ArrayDeque<MqttMessage> queue = held;
        return queue == null ? 0 : queue.size();
    }

    /**
     * Processes the held packets in order, for as long as the intake stays open or {@code whatever} says to go
     * on regardless; then lets reading resume if nothing else stops it. A call made while packets are being
     * processed returns at once: the running one goes on.
     */
    void release(boolean whatever) {
        ArrayDeque<MqttMessage> queue = held;
        if (releasing || queue == null) {
            return;
        }
        releasing = true;
        try {
            MqttMessage next;
            while ((whatever || intake == Intake.OPEN) && (next = queue.poll()) != null) {
                heldBytes -= payloadBytes(next);
                consumer.accept(next);
            }
        } finally {
            releasing = false;
        }
        if (queue.isEmpty()) {
            held = null;
            go(FULL);
        }
    }
}
