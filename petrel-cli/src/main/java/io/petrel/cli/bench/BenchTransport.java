package io.petrel.cli.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.petrel.cli.client.Endpoint;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;

/**
 * The event loops and socket setup every benchmark connection shares: epoll where available, TLS and
 * WebSocket when the URL asks, and the loopback source addresses connections are spread over.
 */
final class BenchTransport implements AutoCloseable {
    private static final int MAX_PACKET = 1 << 20;

    private final Endpoint endpoint;
    private final EventLoopGroup subscriberLoops;
    private final EventLoopGroup publisherLoops;
    private final Bootstrap bootstrap;
    private final @Nullable SslContext ssl;
    private final List<InetSocketAddress> sources;
    private final InetSocketAddress remote;
    private final int keepAliveSeconds;

    BenchTransport(Endpoint endpoint, int threads, List<String> sourceAddresses, @Nullable Path caFile,
            boolean insecure, int keepAliveSeconds) throws SSLException {
        this.endpoint = endpoint;
        this.keepAliveSeconds = keepAliveSeconds;
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        int each = Math.max(1, threads / 2);
        this.subscriberLoops = new MultiThreadIoEventLoopGroup(each, new DefaultThreadFactory("petrel-bench-sub"), io);
        this.publisherLoops = new MultiThreadIoEventLoopGroup(each, new DefaultThreadFactory("petrel-bench-pub"), io);
        this.bootstrap = new Bootstrap()
                .channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 30_000)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(64 * 1024, 256 * 1024));
        if (epoll) {
            // A connection from a chosen source address binds that address first. Without this option the bind
            // also picks the port, searching every port bound on that address, TIME_WAIT ones included: with the
            // 20,000 sockets two back-to-back runs leave in TIME_WAIT, each bind took milliseconds of kernel time
            // and the load generator, not the broker, set the connect rate. With it, connect() picks the port,
            // as it does without a source address.
            bootstrap.option(EpollChannelOption.IP_BIND_ADDRESS_NO_PORT, true);
        }
        this.ssl = endpoint.transport().tls() ? sslContext(caFile, insecure) : null;
        this.sources = sourceAddresses.stream().map(a -> new InetSocketAddress(a, 0)).toList();
        this.remote = new InetSocketAddress(endpoint.host(), endpoint.port());
    }

    private static SslContext sslContext(@Nullable Path caFile, boolean insecure) throws SSLException {
        SslContextBuilder builder = SslContextBuilder.forClient();
        if (insecure) {
            builder.trustManager(InsecureTrustManagerFactory.INSTANCE);
        } else if (caFile != null) {
            builder.trustManager(caFile.toFile());
        }
        return builder.build();
    }

    /** Opens connection number {@code index}, handled by the client the supplier makes. */
    ChannelFuture connect(int index, boolean subscriber, Supplier<BenchClient> client) {
        Bootstrap b = bootstrap.clone(subscriber ? subscriberLoops : publisherLoops).handler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
                pipeline(ch.pipeline(), client.get());
            }
        });
        return sources.isEmpty() ? b.connect(remote) : b.connect(remote, sources.get(Math.floorMod(index, sources.size())));
    }

    private void pipeline(ChannelPipeline p, BenchClient client) {
        if (ssl != null) {
            p.addLast("tls", ssl.newHandler(p.channel().alloc(), endpoint.host(), endpoint.port()));
        }
        if (endpoint.transport().webSocket()) {
            URI uri = URI.create((ssl != null ? "wss://" : "ws://") + endpoint.host() + ":" + endpoint.port() + "/"
                    + endpoint.path());
            p.addLast("http", new HttpClientCodec());
            p.addLast("http-aggregator", new HttpObjectAggregator(65_536));
            p.addLast("ws", new WebSocketClientProtocolHandler(WebSocketClientHandshakerFactory.newHandshaker(
                    uri, WebSocketVersion.V13, "mqtt", false, new DefaultHttpHeaders(), MAX_PACKET)));
            p.addLast("ws-frames", WebSocketFrames.INSTANCE);
        }
        p.addLast("decoder", new MqttDecoder(MAX_PACKET));
        p.addLast("encoder", MqttEncoder.INSTANCE);
        if (keepAliveSeconds > 0) {
            p.addLast("keep-alive", new IdleStateHandler(0, keepAliveSeconds, 0));
        }
        p.addLast("client", client);
    }

    /** Whether the connection must wait for the WebSocket handshake before CONNECT. */
    boolean webSocket() {
        return endpoint.transport().webSocket();
    }

    @Override
    public void close() {
        subscriberLoops.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        publisherLoops.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
        subscriberLoops.terminationFuture().awaitUninterruptibly(10, TimeUnit.SECONDS);
    }
}
