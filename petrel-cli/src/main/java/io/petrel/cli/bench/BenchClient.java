package io.petrel.cli.bench;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttPublishVariableHeader;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.netty.handler.timeout.IdleStateEvent;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * One benchmark connection: a small MQTT client on Netty's codec that connects, subscribes, publishes with
 * its {@link Publisher} and hands received messages to its {@link Receiver}. It keeps no per-message state
 * beyond a count of unacknowledged messages, so that thousands of them fit in one process.
 */
final class BenchClient extends SimpleChannelInboundHandler<MqttMessage> {
    private static final MqttMessage PINGREQ =
            new MqttMessage(new MqttFixedHeader(MqttMessageType.PINGREQ, false, MqttQoS.AT_MOST_ONCE, false, 0));

    private final String clientId;
    private final ConnectSettings settings;
    private final BenchStats stats;
    private final boolean webSocket;
    private final @Nullable Receiver receiver;
    private @Nullable Publisher publisher;
    private final CompletableFuture<BenchClient> connected = new CompletableFuture<>();
    private @Nullable CompletableFuture<Void> subscribed;
    private @Nullable ChannelHandlerContext ctx;
    private long connectStartNanos;
    private int nextPacketId;
    private int inflight;
    private int serverReceiveMaximum = 65_535;
    private boolean ackedSinceRead;
    private boolean closing;

    BenchClient(String clientId, ConnectSettings settings, BenchStats stats, boolean webSocket,
            @Nullable Receiver receiver) {
        this.clientId = clientId;
        this.settings = settings;
        this.stats = stats;
        this.webSocket = webSocket;
        this.receiver = receiver;
    }

    /** Completes when the CONNACK accepts the connection; fails if it is refused or the connection fails. */
    CompletableFuture<BenchClient> connected() {
        return connected;
    }

    void publisher(Publisher value) {
        this.publisher = value;
    }

    @Nullable Publisher publisher() {
        return publisher;
    }

    @Nullable Receiver receiver() {
        return receiver;
    }

    EventLoop loop() {
        return ctx.channel().eventLoop();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.ctx = context;
        this.connectStartNanos = System.nanoTime();
    }

    @Override
    public void channelActive(ChannelHandlerContext context) {
        if (!webSocket) {
            sendConnect();
        }
        context.fireChannelActive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object event) {
        if (event == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
            sendConnect();
        } else if (event instanceof IdleStateEvent) {
            context.writeAndFlush(PINGREQ, context.voidPromise());
        }
        context.fireUserEventTriggered(event);
    }

    private void sendConnect() {
        MqttMessageBuilders.ConnectBuilder connect = MqttMessageBuilders.connect()
                .clientId(clientId)
                .protocolVersion(settings.v5() ? MqttVersion.MQTT_5 : MqttVersion.MQTT_3_1_1)
                .cleanSession(true)
                .keepAlive(settings.keepAliveSeconds());
        if (settings.username() != null) {
            connect.hasUser(true).username(settings.username());
        }
        if (settings.password() != null) {
            connect.hasPassword(true).password(settings.password().getBytes(StandardCharsets.UTF_8));
        }
        ctx.writeAndFlush(connect.build(), ctx.voidPromise());
    }

    /** Subscribes to one filter; completes when the SUBACK grants it. */
    CompletableFuture<Void> subscribe(String filter, int qos) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        loop().execute(() -> {
            subscribed = result;
            ctx.writeAndFlush(MqttMessageBuilders.subscribe().messageId(packetId())
                    .addSubscription(MqttQoS.valueOf(qos), filter).build(), ctx.voidPromise());
        });
        return result;
    }

    boolean canPublish(int qos, int window) {
        return ctx.channel().isWritable() && (qos == 0 || inflight < Math.min(window, serverReceiveMaximum));
    }

    void publish(String topic, int qos, int size, int runId, int publisherIndex, long sequence) {
        // Built directly: MqttMessageBuilders copies the payload into an unpooled buffer.
        MqttPublishMessage message = new MqttPublishMessage(
                new MqttFixedHeader(MqttMessageType.PUBLISH, false, MqttQoS.valueOf(qos), false, 0),
                new MqttPublishVariableHeader(topic, qos == 0 ? 0 : packetId()),
                Payload.write(ctx.alloc(), size, WallClock.nanos(), runId, publisherIndex, sequence));
        if (qos > 0) {
            inflight++;
        }
        ctx.write(message, ctx.voidPromise());
        stats.sent.increment();
    }

    void flush() {
        ctx.flush();
    }

    private int packetId() {
        nextPacketId = nextPacketId % 65_535 + 1;
        return nextPacketId;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext context, MqttMessage msg) {
        if (msg.decoderResult().isFailure()) {
            context.close();
            return;
        }
        switch (msg.fixedHeader().messageType()) {
            case CONNACK -> onConnAck((MqttConnAckMessage) msg);
            case SUBACK -> onSubAck((MqttSubAckMessage) msg);
            case PUBLISH -> onPublish((MqttPublishMessage) msg);
            case PUBACK, PUBCOMP -> acknowledged();
            // [MQTT-3.6.1-1] PUBREL has QoS 1 in its fixed header.
            case PUBREC -> context.write(ack(MqttMessageType.PUBREL, MqttQoS.AT_LEAST_ONCE, messageId(msg)),
                    context.voidPromise());
            case PUBREL -> context.write(ack(MqttMessageType.PUBCOMP, MqttQoS.AT_MOST_ONCE, messageId(msg)),
                    context.voidPromise());
            default -> {
                // PINGRESP and DISCONNECT need no answer.
            }
        }
    }

    private static MqttMessage ack(MqttMessageType type, MqttQoS qos, int packetId) {
        return new MqttMessage(new MqttFixedHeader(type, false, qos, false, 2), MqttMessageIdVariableHeader.from(packetId));
    }

    private static int messageId(MqttMessage msg) {
        return ((MqttMessageIdVariableHeader) msg.variableHeader()).messageId();
    }

    private void onConnAck(MqttConnAckMessage ack) {
        MqttConnectReturnCode code = ack.variableHeader().connectReturnCode();
        if (code != MqttConnectReturnCode.CONNECTION_ACCEPTED) {
            connected.completeExceptionally(new IllegalStateException("connection refused: " + code));
            ctx.close();
            return;
        }
        MqttProperties.MqttProperty<?> receiveMaximum =
                ack.variableHeader().properties().getProperty(MqttProperties.RECEIVE_MAXIMUM);
        if (receiveMaximum != null && receiveMaximum.value() instanceof Integer max) {
            serverReceiveMaximum = max;
        }
        stats.connected.increment();
        stats.connectLatency(System.nanoTime() - connectStartNanos);
        connected.complete(this);
    }

    private void onSubAck(MqttSubAckMessage ack) {
        CompletableFuture<Void> pending = subscribed;
        subscribed = null;
        if (pending == null) {
            return;
        }
        int granted = ack.payload().grantedQoSLevels().get(0);
        if (granted >= 0x80) {
            pending.completeExceptionally(new IllegalStateException("subscription refused (0x"
                    + Integer.toHexString(granted) + ")"));
        } else {
            pending.complete(null);
        }
    }

    private void onPublish(MqttPublishMessage publish) {
        if (receiver != null) {
            receiver.onPublish(publish.payload());
        }
        int qos = publish.fixedHeader().qosLevel().value();
        if (qos == 1) {
            ctx.write(MqttMessageBuilders.pubAck().packetId(publish.variableHeader().packetId()).build(),
                    ctx.voidPromise());
        } else if (qos == 2) {
            ctx.write(ack(MqttMessageType.PUBREC, MqttQoS.AT_MOST_ONCE, publish.variableHeader().packetId()),
                    ctx.voidPromise());
        }
    }

    private void acknowledged() {
        inflight--;
        stats.acked.increment();
        ackedSinceRead = true;
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext context) {
        if (ackedSinceRead && publisher != null) {
            ackedSinceRead = false;
            publisher.pump();
        }
        context.flush();
        context.fireChannelReadComplete();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext context) {
        if (context.channel().isWritable() && publisher != null) {
            publisher.pump();
        }
        context.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        if (!connected.isDone()) {
            connected.completeExceptionally(new IllegalStateException("connection closed before CONNACK"));
        } else if (!closing) {
            stats.disconnected.increment();
        }
        if (publisher != null) {
            publisher.stop();
        }
        CompletableFuture<Void> pending = subscribed;
        if (pending != null) {
            pending.completeExceptionally(new IllegalStateException("connection closed before SUBACK"));
        }
        context.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        connected.completeExceptionally(cause);
        context.close();
    }

    /** Sends DISCONNECT and closes; completes when the connection is closed. */
    CompletableFuture<Void> disconnect() {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        ctx.channel().closeFuture().addListener(f -> closed.complete(null));
        loop().execute(() -> {
            closing = true;
            ctx.writeAndFlush(MqttMessage.DISCONNECT).addListener(ChannelFutureListener.CLOSE);
        });
        return closed;
    }
}
