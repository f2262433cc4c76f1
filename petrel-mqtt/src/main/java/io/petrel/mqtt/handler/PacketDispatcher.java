package io.petrel.mqtt.handler;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttUnsubscribeMessage;
import io.netty.util.ReferenceCountUtil;
import io.petrel.api.ClientInfo;
import io.petrel.engine.metrics.DropReason;
import io.petrel.engine.session.Session;
import io.petrel.mqtt.device.DeviceLink;
import io.petrel.mqtt.protocol.ActionExecutor;
import io.petrel.mqtt.protocol.MqttConnection;
import io.petrel.mqtt.protocol.ProtocolAction;
import io.petrel.mqtt.protocol.ProtocolContext;
import io.petrel.mqtt.protocol.ProtocolError;
import io.petrel.mqtt.transport.NettyLoop;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last stage of every MQTT pipeline: hands each decoded packet to its handler and the handler's decision
 * to {@link ActionExecutor}. The switch only delegates. Packets are released here and nowhere else; those that
 * flow control holds come back through {@link #consume} later.
 */
public final class PacketDispatcher extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(PacketDispatcher.class);

    private final ProtocolContext protocol;
    private final String listener;
    private @Nullable MqttConnection conn;

    public PacketDispatcher(ProtocolContext protocol, String listener) {
        this.protocol = protocol;
        this.listener = listener;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        conn = new MqttConnection(ctx, NettyLoop.of(ctx.channel().eventLoop()), protocol, listener, this::consume);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof MqttMessage packet)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        protocol.engine().metrics().packetReceived();
        conn.packetRead();
        if (conn.state() == MqttConnection.State.CONNECTING) {
            if (conn.holdUntilConnected(packet)) {
                return;
            }
            ActionExecutor.execute(conn, ProtocolAction.disconnect(ProtocolError.QUOTA_EXCEEDED));
        } else if (conn.state() == MqttConnection.State.CONNECTED) {
            switch (conn.admit(packet)) {
                case HELD -> {
                    return;
                }
                case SHED -> {
                    // The publisher waits for its subscribers and already holds all it may: QoS 0 goes first.
                    protocol.engine().metrics().dropped(DropReason.SLOW_CONSUMER);
                    ReferenceCountUtil.release(packet);
                    return;
                }
                case PASS -> {
                }
            }
        }
        consume(packet);
    }

    private void consume(MqttMessage packet) {
        try {
            if (conn.state() != MqttConnection.State.CLOSED) {
                ActionExecutor.execute(conn, dispatch(packet));
            }
        } finally {
            // The one place where a received packet is released; payloads were copied out where needed.
            ReferenceCountUtil.release(packet);
        }
    }

    private ProtocolAction dispatch(MqttMessage packet) {
        if (packet.decoderResult().isFailure()) {
            return DecodeFailureHandler.handle(conn, packet);
        }
        if (conn.state() == MqttConnection.State.AWAITING_CONNECT) {
            // [MQTT-3.1.0-1] the first packet must be CONNECT.
            return packet instanceof MqttConnectMessage connect
                    ? ConnectHandler.handle(conn, connect)
                    : ProtocolAction.disconnect(ProtocolError.FIRST_PACKET_NOT_CONNECT);
        }
        Session session = conn.session();
        ClientInfo client = conn.client();
        if (session == null || client == null || !session.isCurrent(conn)) {
            return ProtocolAction.NONE;
        }
        return switch (packet.fixedHeader().messageType()) {
            case CONNECT -> ConnectHandler.handle(conn, (MqttConnectMessage) packet);
            case PUBLISH -> PublishHandler.handle(conn, (MqttPublishMessage) packet, session, client);
            case PUBACK -> PubAckHandler.handle(conn, packet, session);
            case PUBREC -> PubRecHandler.handle(conn, packet, session);
            case PUBREL -> PubRelHandler.handle(conn, packet, session);
            case PUBCOMP -> PubCompHandler.handle(packet, session);
            case SUBSCRIBE -> SubscribeHandler.handle(conn, (MqttSubscribeMessage) packet, session, client);
            case UNSUBSCRIBE -> UnsubscribeHandler.handle(conn, (MqttUnsubscribeMessage) packet, session);
            case PINGREQ -> PingReqHandler.handle(conn);
            case DISCONNECT -> DisconnectHandler.handle(conn, packet, session);
            case AUTH -> AuthHandler.handle();
            // CONNACK, SUBACK, UNSUBACK and PINGRESP only ever travel from server to client.
            default -> ProtocolAction.disconnect(ProtocolError.PROTOCOL_ERROR);
        };
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        conn.readComplete();
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        Session session = conn.session();
        if (session != null && ctx.channel().isWritable()) {
            session.run(() -> session.writable(conn));
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        conn.closing();
        DeviceLink device = conn.device();
        if (device != null) {
            device.closed();
        }
        Session session = conn.session();
        if (session != null) {
            // [MQTT-3.1.2-8] a connection that ends without a DISCONNECT publishes the will.
            session.run(() -> session.detach(conn, true, -1));
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            LOG.debug("{}: connection error: {}", conn, cause.toString());
        } else {
            LOG.warn("{}: unexpected error, closing the connection", conn, cause);
        }
        ctx.close();
    }
}
