package io.petrel.mqtt.protocol;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.netty.util.AttributeKey;
import io.petrel.api.ClientInfo;
import io.petrel.api.Principal;
import io.petrel.api.auth.ClientCertificate;
import io.petrel.api.limit.PublishQuota;
import io.petrel.api.topic.Namespace;
import io.petrel.engine.session.ClientConnection;
import io.petrel.engine.session.Delivery;
import io.petrel.engine.session.DisconnectCause;
import io.petrel.engine.session.Intake;
import io.petrel.engine.session.SendResult;
import io.petrel.engine.session.Session;
import io.petrel.mqtt.codec.InboundTopicAliases;
import io.petrel.mqtt.codec.OutboundPublishEncoder;
import io.petrel.mqtt.codec.OutboundTopicAliases;
import io.petrel.mqtt.device.DeviceLink;
import io.petrel.mqtt.transport.ConnectionAttributes;
import io.petrel.mqtt.transport.NettyLoop;
import io.petrel.platform.api.DeliveryListener;
import java.net.InetSocketAddress;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One client connection: its negotiated protocol state and its session. All state is confined to the
 * channel's event loop. It implements the engine's {@link ClientConnection}, so the session writes to it
 * directly when both share the loop, which is the normal case.
 */
public final class MqttConnection implements ClientConnection {
    /** Where the connection stands in its life. */
    public enum State {
        /** Waiting for CONNECT. */
        AWAITING_CONNECT,
        /** CONNECT received; authenticating and attaching the session. */
        CONNECTING,
        /** CONNACK sent. */
        CONNECTED,
        /** Closing or closed; nothing more is processed. */
        CLOSED
    }

    /** Where Netty's MQTT codec keeps the version it read from CONNECT; its encoder writes in that version. */
    private static final AttributeKey<MqttVersion> CODEC_VERSION = AttributeKey.valueOf("NETTY_CODEC_MQTT_VERSION");

    private final ChannelHandlerContext ctx;
    private final NettyLoop loop;
    private final ProtocolContext protocol;
    private final String listener;
    private final InboundGate gate;
    private final IdleTimer idle;
    private final Runnable flushTask = this::flush;
    private final AckOrder acks = new AckOrder();

    private State state = State.AWAITING_CONNECT;
    private VersionRules rules = VersionRules.mqtt3();
    private @Nullable Session session;
    private @Nullable ClientInfo client;
    private int receiveMaximum = 65_535;
    private long sessionExpiryAtConnect;
    private InboundTopicAliases inboundAliases = new InboundTopicAliases(0);
    private OutboundPublishEncoder publishEncoder =
            new OutboundPublishEncoder(false, Long.MAX_VALUE, new OutboundTopicAliases(0));
    private boolean flushScheduled;
    private boolean admitted;
    private Namespace namespace = Namespace.organization(Principal.DEFAULT_ORGANIZATION);
    private PublishQuota publishQuota = PublishQuota.UNLIMITED;
    private @Nullable Future<?> expiryTimer;
    private @Nullable DeviceLink device;

    public MqttConnection(ChannelHandlerContext ctx, NettyLoop loop, ProtocolContext protocol, String listener,
            Consumer<MqttMessage> consumer) {
        this.ctx = ctx;
        this.loop = loop;
        this.protocol = protocol;
        this.listener = listener;
        this.gate = new InboundGate(ctx.channel(), consumer);
        this.idle = new IdleTimer(ctx.channel().eventLoop(), this);
        idle.arm(protocol.config().connectTimeoutSeconds(), TimeUnit.SECONDS);
    }

    public ProtocolContext protocol() {
        return protocol;
    }

    public State state() {
        return state;
    }

    public VersionRules rules() {
        return rules;
    }

    public String listener() {
        return listener;
    }

    /** The client's address: the socket's peer, or the client behind a trusted proxy. */
    public InetSocketAddress remoteAddress() {
        return ConnectionAttributes.clientAddress(ctx.channel());
    }

    /** The verified certificate the client presented in a mutual-TLS handshake, or null. */
    public @Nullable ClientCertificate clientCertificate() {
        return ConnectionAttributes.clientCertificate(ctx.channel());
    }

    /** The session, once CONNECT has been accepted; null before. */
    public @Nullable Session session() {
        return session;
    }

    /** Who the client is, once CONNECT has been accepted; null before. */
    public @Nullable ClientInfo client() {
        return client;
    }

    /** The session expiry interval the CONNECT set, which a DISCONNECT may change only if it was not 0. */
    public long sessionExpiryAtConnect() {
        return sessionExpiryAtConnect;
    }

    public InboundTopicAliases inboundAliases() {
        return inboundAliases;
    }

    /**
     * The protocol level the decoder read from a CONNECT, or 0 if it read none. The decoder records the level
     * before it checks the rest of the CONNECT, so a CONNECT it rejects may still say which version to answer.
     */
    public int decodedProtocolLevel() {
        MqttVersion version = ctx.channel().attr(CODEC_VERSION).get();
        return version == null ? 0 : version.protocolLevel();
    }

    /** Answers in a version's packet forms, for a CONNECT the decoder rejected after reading its version. */
    public void useRules(VersionRules versionRules) {
        this.rules = versionRules;
    }

    /** Records what CONNECT negotiated and stops reading until the connection is accepted or refused. */
    public void connecting(VersionRules negotiated, Negotiated terms) {
        this.rules = negotiated;
        this.state = State.CONNECTING;
        this.receiveMaximum = terms.clientReceiveMaximum();
        this.sessionExpiryAtConnect = terms.sessionExpirySeconds();
        this.inboundAliases = new InboundTopicAliases(protocol.config().topicAliasMaximum());
        this.publishEncoder = new OutboundPublishEncoder(negotiated.isV5(), terms.clientMaximumPacketSize(),
                new OutboundTopicAliases(terms.clientTopicAliasMaximum()));
        gate.stop(InboundGate.CONNECTING);
    }

    /**
     * Records that the client limits counted this connection: {@link #closed()} gives the slot back exactly
     * once.
     */
    public void admitted(ClientInfo info) {
        this.admitted = true;
        this.client = info;
        this.namespace = Namespace.of(info.principal());
        this.publishEncoder.namespace(namespace);
        this.publishQuota = protocol.limits().publishQuota(info);
    }

    /** Marks the connection accepted: the CONNACK is about to be written. */
    public void connected(Session attached, ClientInfo info) {
        this.session = attached;
        this.client = info;
        this.state = State.CONNECTED;
        protocol.connections().add(this);
    }

    /** The device platform's side of the connection, once a device session is open; null for other clients. */
    public @Nullable DeviceLink device() {
        return device;
    }

    /** Hands the connection's PUBLISH, SUBSCRIBE, UNSUBSCRIBE and PINGREQ packets to a device session. */
    public void device(DeviceLink link) {
        this.device = link;
    }

    /** The organization namespace the client's topics live in. */
    public Namespace namespace() {
        return namespace;
    }

    /** The client's publish allowance. */
    public PublishQuota publishQuota() {
        return publishQuota;
    }

    /**
     * Ends the connection when the credential it was authorized with expires [MQTT 5 reason 0xA0, maximum
     * connect time]: the client learns to renew its credential rather than that it is refused for good.
     */
    public void expireAt(long expiresAtMillis) {
        long delay = Math.max(0, expiresAtMillis - protocol.engine().clock().millis());
        expiryTimer = ctx.channel().eventLoop().schedule(
                () -> ActionExecutor.execute(this, ProtocolAction.disconnect(ProtocolError.CREDENTIALS_EXPIRED)),
                delay, TimeUnit.MILLISECONDS);
    }

    /** Processes the packets that arrived before the CONNACK, in order, and resumes reading. */
    public void resumeReading() {
        if (state == State.CONNECTED) {
            gate.release(false);
            gate.go(InboundGate.CONNECTING);
        }
    }

    /**
     * Stops reading from the client until released, as the device platform asks while a device has as many
     * publishes awaiting their decisions as it may have: the store's pace becomes the device's.
     */
    public void holdReading(boolean hold) {
        if (hold) {
            gate.stop(InboundGate.DEVICE);
        } else {
            gate.go(InboundGate.DEVICE);
        }
    }

    /**
     * Holds a packet that arrived while CONNECT is in progress.
     *
     * @return false if too many are already waiting
     */
    public boolean holdUntilConnected(MqttMessage packet) {
        if (gate.heldCount() >= protocol.config().maxPendingBeforeConnect()) {
            return false;
        }
        gate.hold(packet);
        return true;
    }

    /**
     * Decides what becomes of a packet from a connected client while flow control may hold it: see
     * {@link InboundGate#admit}. At most the server's receive maximum is held, which no well-behaved client
     * exceeds with QoS 1 and 2 PUBLISH packets, since it waits for their acknowledgements.
     */
    public InboundGate.Decision admit(MqttMessage packet) {
        return gate.admit(packet, protocol.config().receiveMaximum());
    }

    /**
     * The channel is gone. The packets a connected client sent before it closed, and that flow control held,
     * are processed as they would have been, flow control aside: a DISCONNECT among them still discards the
     * will. Those that arrived before a CONNACK are only released.
     */
    public void closing() {
        if (state == State.CONNECTED) {
            gate.release(true);
        }
        closed();
        gate.release(true);
    }

    /** Keeps PUBACKs and PUBRECs in order while they wait for store commits. */
    public AckOrder acks() {
        return acks;
    }

    /** Runs a task on this connection's event loop. */
    public void onLoop(Runnable task) {
        if (loop.inLoop()) {
            task.run();
        } else {
            loop.execute(task);
        }
    }

    /**
     * Replaces the connect timeout with the keep-alive timeout: the connection closes after one and a half
     * keep-alive periods without a packet [MQTT-3.1.2-24]; a keep alive of 0 turns the timeout off.
     */
    public void armKeepAlive(int keepAliveSeconds) {
        idle.arm(keepAliveSeconds * 1500L, TimeUnit.MILLISECONDS);
    }

    /** A packet arrived: the idle timer counts from the end of this read. */
    public void packetRead() {
        idle.read();
    }

    /** The event loop finished a batch of reads from this connection. */
    public void readComplete() {
        idle.readComplete();
    }

    /** Whether the server has stopped reading from the client for now, for one of the gate's reasons. */
    boolean readingStopped() {
        return !ctx.channel().config().isAutoRead();
    }

    /** Nothing arrived in time: before CONNACK, the connect timeout passed; after it, the keep alive. */
    void idleTimeout() {
        ActionExecutor.execute(this, ProtocolAction.disconnect(
                state == State.CONNECTED ? ProtocolError.KEEP_ALIVE_TIMEOUT : ProtocolError.CONNECT_TIMEOUT));
    }

    /**
     * Stops reading from the client for a while, so that TCP flow control slows a publisher that is over its
     * rate. Packets already read are still processed; reading resumes unless the connection ended meanwhile.
     */
    public void pauseReading(long nanos) {
        if (state != State.CONNECTED || gate.stopped(InboundGate.THROTTLED)) {
            return;
        }
        gate.stop(InboundGate.THROTTLED);
        ctx.channel().eventLoop().schedule(() -> {
            if (state == State.CONNECTED) {
                gate.go(InboundGate.THROTTLED);
            }
        }, nanos, TimeUnit.NANOSECONDS);
    }

    /** Writes a packet; the flush happens once per event-loop turn. */
    public void write(MqttMessage packet) {
        send(packet, ctx.voidPromise());
    }

    /** Writes a packet or the encoded bytes of one. */
    private void send(Object packet, ChannelPromise promise) {
        ctx.write(packet, promise);
        protocol.engine().metrics().packetSent();
        if (!flushScheduled) {
            flushScheduled = true;
            ctx.channel().eventLoop().execute(flushTask);
        }
    }

    private void flush() {
        flushScheduled = false;
        ctx.flush();
    }

    /** Closes the connection, after writing a last packet if one is given. */
    public void closeAfter(@Nullable MqttMessage last) {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        if (last != null) {
            protocol.engine().metrics().packetSent();
            ctx.writeAndFlush(last).addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.flush();
            ctx.close();
        }
    }

    /** Notes that the channel is gone: releases what the connection held. Called once, on channel inactive. */
    public void closed() {
        state = State.CLOSED;
        protocol.connections().remove(this);
        idle.cancel();
        if (expiryTimer != null) {
            expiryTimer.cancel(false);
            expiryTimer = null;
        }
        if (admitted) {
            admitted = false;
            protocol.limits().release(client);
        }
    }

    @Override
    public NettyLoop loop() {
        return loop;
    }

    @Override
    public int receiveMaximum() {
        return receiveMaximum;
    }

    @Override
    public boolean isWritable() {
        return ctx.channel().isWritable();
    }

    @Override
    public SendResult sendPublish(Delivery delivery, int packetId, boolean duplicate) {
        // A message many subscribers receive alike is encoded once; see OutboundPublishEncoder.
        Object packet = publishEncoder.encodeForWire(delivery, packetId, duplicate,
                protocol.engine().clock().millis());
        DeliveryListener listener = device != null ? device.listenerOf(delivery) : null;
        if (packet == null) {
            if (listener != null) {
                listener.failed();
            }
            return SendResult.TOO_LARGE;
        }
        if (listener == null) {
            send(packet, ctx.voidPromise());
        } else if (packetId == 0) {
            // A QoS 0 message to a device is delivered once it is written (device-api.md §9).
            ChannelPromise written = ctx.newPromise();
            written.addListener(future -> {
                if (future.isSuccess()) {
                    listener.delivered();
                } else {
                    listener.failed();
                }
            });
            send(packet, written);
        } else {
            send(packet, ctx.voidPromise());
            device.awaitAcknowledgement(packetId, listener);
        }
        return SendResult.SENT;
    }

    @Override
    public void intake(Intake mode) {
        gate.intake(mode);
        if (mode == Intake.OPEN && state == State.CONNECTED) {
            gate.release(false);
        }
    }

    @Override
    public void sendPubRel(int packetId) {
        write(rules.pubRel(packetId, 0));
    }

    @Override
    public void close(DisconnectCause cause) {
        ActionExecutor.execute(this, ProtocolAction.disconnect(ProtocolError.of(cause)));
    }

    @Override
    public String toString() {
        return "MqttConnection[" + (client != null ? client.clientId() : "?") + " " + remoteAddress()
                + "]";
    }
}
