package io.petrel.mqtt.listener;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.petrel.engine.metrics.BrokerMetrics;
import io.petrel.mqtt.framing.FrameGuard;
import io.petrel.mqtt.framing.PacketFramer;
import io.petrel.mqtt.handler.PacketDispatcher;
import io.petrel.mqtt.protocol.MqttProtocolConfig;
import io.petrel.mqtt.protocol.ProtocolContext;
import io.petrel.mqtt.transport.proxy.ProxyProtocolDetector;
import io.petrel.mqtt.transport.proxy.ProxyProtocolHandler;
import io.petrel.mqtt.transport.proxy.TrustedProxies;
import io.petrel.mqtt.transport.tls.ReloadingTlsContext;
import io.petrel.mqtt.transport.tls.TlsHandshakeHandler;
import io.petrel.mqtt.transport.websocket.BytesToWebSocketFrame;
import io.petrel.mqtt.transport.websocket.HttpFallback;
import io.petrel.mqtt.transport.websocket.WebSocketClientAddress;
import io.petrel.mqtt.transport.websocket.WebSocketFrameToBytes;
import org.jspecify.annotations.Nullable;

/**
 * Builds the pipeline of every MQTT connection, for all four kinds of listener. The whole order is on this one
 * screen: PROXY header, TLS, HTTP and WebSocket, then the MQTT stages that every kind shares.
 */
final class MqttChannelInitializer extends ChannelInitializer<Channel> {
    /** WebSocket subprotocols: {@code mqtt} is MQTT 3.1.1 and 5 [MQTT-6.0.0-3]; {@code mqttv3.1} is MQTT 3.1. */
    static final String SUBPROTOCOLS = "mqtt,mqttv3.1";
    /** A handshake request is headers only; 64 KiB holds any browser's cookies with room to spare. */
    private static final int MAX_HANDSHAKE_SIZE = 64 * 1024;

    private final ProtocolContext protocol;
    private final ListenerConfig config;
    private final @Nullable ReloadingTlsContext tls;
    private final ChannelGroup connections;
    private final TrafficCounter traffic;
    private final TrustedProxies trustedProxies;
    private final @Nullable WebSocketServerProtocolConfig webSocket;

    MqttChannelInitializer(ProtocolContext protocol, ListenerConfig config, @Nullable ReloadingTlsContext tls,
            ChannelGroup connections) {
        this.protocol = protocol;
        this.config = config;
        this.tls = tls;
        this.connections = connections;
        this.traffic = new TrafficCounter(protocol.engine().metrics());
        this.trustedProxies = TrustedProxies.of(config.trustedProxies());
        this.webSocket = config.type().webSocket() ? webSocketConfig(config) : null;
    }

    /** A plain TCP pipeline on its own, as handler tests drive it on an embedded channel. */
    MqttChannelInitializer(ProtocolContext protocol, String listener) {
        this(protocol, ListenerConfig.tcp(listener, "127.0.0.1", 0), null,
                new DefaultChannelGroup(listener, GlobalEventExecutor.INSTANCE));
    }

    private static WebSocketServerProtocolConfig webSocketConfig(ListenerConfig config) {
        return WebSocketServerProtocolConfig.newBuilder()
                .websocketPath(config.path())
                .subprotocols(SUBPROTOCOLS)
                .checkStartsWith(false)
                .handleCloseFrames(true)
                .dropPongFrames(true)
                .decoderConfig(WebSocketDecoderConfig.newBuilder()
                        .maxFramePayloadLength(config.maxFrameSize())
                        .allowExtensions(false)
                        .build())
                .build();
    }

    @Override
    protected void initChannel(Channel channel) {
        connections.add(channel);
        BrokerMetrics metrics = protocol.engine().metrics();
        MqttProtocolConfig limits = protocol.config();
        ChannelPipeline pipeline = channel.pipeline();
        if (config.proxyProtocol()) {
            // The PROXY header precedes everything, TLS included: the proxy writes it in clear.
            pipeline.addLast(HandlerNames.PROXY_DECODER, new ProxyProtocolDetector(metrics));
            pipeline.addLast(HandlerNames.PROXY_ADDRESS, new ProxyProtocolHandler(metrics));
        }
        if (tls != null) {
            pipeline.addLast(HandlerNames.TLS, tls.current().newHandler(channel.alloc()));
            pipeline.addLast(HandlerNames.TLS_HANDSHAKE, new TlsHandshakeHandler(metrics));
        }
        if (webSocket != null) {
            pipeline.addLast(HandlerNames.HTTP_CODEC, new HttpServerCodec());
            pipeline.addLast(HandlerNames.HTTP_AGGREGATOR, new HttpObjectAggregator(MAX_HANDSHAKE_SIZE));
            pipeline.addLast(HandlerNames.WEBSOCKET, new WebSocketServerProtocolHandler(webSocket));
            pipeline.addLast(HandlerNames.HTTP_FALLBACK, HttpFallback.INSTANCE);
            pipeline.addLast(HandlerNames.FORWARDED_FOR, new WebSocketClientAddress(trustedProxies));
            pipeline.addLast(HandlerNames.WEBSOCKET_FRAMES_IN, new WebSocketFrameToBytes(metrics));
            pipeline.addLast(HandlerNames.WEBSOCKET_FRAMES_OUT, BytesToWebSocketFrame.INSTANCE);
        }
        pipeline.addLast(HandlerNames.TRAFFIC, traffic);
        // The decoder gets one whole packet at a time, so that no length inside a packet makes it wait for bytes
        // that belong to no packet; the guard on both sides of it turns such a wait into a malformed packet.
        FrameGuard guard = new FrameGuard();
        pipeline.addLast(HandlerNames.FRAMER, new PacketFramer(limits.maxPacketSize()));
        pipeline.addLast(HandlerNames.FRAME_GUARD, guard);
        // The codec's own defaults (8 KB packets, 23-character ids) are far below what brokers accept. Strict
        // UTF-8 is asked for by name: every string that is not well-formed or holds U+0000 is then a malformed
        // packet [MQTT-1.5.4-1] [MQTT-1.5.4-2], and the protocol layer relies on that.
        pipeline.addLast(HandlerNames.DECODER,
                new MqttDecoder(limits.maxPacketSize(), limits.maxClientIdLength(), true));
        pipeline.addLast(HandlerNames.DECODE_CHECK, guard.decoded());
        pipeline.addLast(HandlerNames.ENCODER, MqttEncoder.INSTANCE);
        pipeline.addLast(HandlerNames.DISPATCHER, new PacketDispatcher(protocol, config.name()));
    }
}
