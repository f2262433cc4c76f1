package io.petrel.mqtt.listener;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.petrel.mqtt.protocol.ProtocolContext;
import io.petrel.mqtt.transport.NettyRuntime;
import io.petrel.mqtt.transport.tls.ReloadingTlsContext;
import io.petrel.mqtt.transport.tls.TlsConfig;
import io.petrel.mqtt.transport.tls.TlsContexts;
import io.petrel.mqtt.transport.tls.TlsSetupException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A bound MQTT listener, and the connections it accepted. */
public final class MqttListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MqttListener.class);
    private static final int ACCEPT_BACKLOG = 4096;
    private static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(128 * 1024, 512 * 1024);
    /**
     * One allocator for every connection: it only makes the per-connection handles that size reads, and Netty
     * would otherwise give each connection an allocator of its own.
     */
    private static final AdaptiveRecvByteBufAllocator RECEIVE_BUFFERS = new AdaptiveRecvByteBufAllocator();

    private final ListenerConfig config;
    private final Channel channel;
    private final ChannelGroup connections;
    private final @Nullable ReloadingTlsContext tls;
    private final @Nullable ScheduledFuture<?> reloads;

    private MqttListener(ListenerConfig config, Channel channel, ChannelGroup connections,
            @Nullable ReloadingTlsContext tls, @Nullable ScheduledFuture<?> reloads) {
        this.config = config;
        this.channel = channel;
        this.connections = connections;
        this.tls = tls;
        this.reloads = reloads;
    }

    /**
     * Binds a listener. A secure listener's configuration must name its certificate by now; the server puts its
     * development certificate in where none was configured.
     *
     * @param housekeeping runs the periodic check of TLS files, off the event loops
     * @throws TlsSetupException if the TLS files cannot be loaded
     * @throws InterruptedException if interrupted while binding
     * @throws io.netty.channel.ChannelException or another exception if the address cannot be bound
     */
    public static MqttListener bind(ListenerConfig config, ProtocolContext protocol, NettyRuntime runtime,
            ScheduledExecutorService housekeeping) throws TlsSetupException, InterruptedException {
        TlsConfig tlsConfig = config.tls();
        ReloadingTlsContext tls = tlsConfig == null ? null : ReloadingTlsContext.load(config.name(), tlsConfig);
        ChannelGroup connections = new DefaultChannelGroup(config.name(), GlobalEventExecutor.INSTANCE);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(runtime.acceptors(), runtime.workers())
                .channel(runtime.serverChannelClass())
                .option(ChannelOption.SO_BACKLOG, ACCEPT_BACKLOG)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .childOption(ChannelOption.RCVBUF_ALLOCATOR, RECEIVE_BUFFERS)
                .childHandler(new MqttChannelInitializer(protocol, config, tls, connections));
        Channel channel = bootstrap.bind(config.host(), config.port()).sync().channel();
        ScheduledFuture<?> reloads = null;
        if (tls != null && tlsConfig.reloadInterval().compareTo(Duration.ZERO) > 0) {
            long every = tlsConfig.reloadInterval().toMillis();
            reloads = housekeeping.scheduleWithFixedDelay(tls::reloadIfChanged, every, every, TimeUnit.MILLISECONDS);
        }
        MqttListener listener = new MqttListener(config, channel, connections, tls, reloads);
        LOG.info("MQTT listener '{}': {} on {}{}{} ({})", config.name(), config.type().name().toLowerCase(Locale.ROOT),
                listener.address(), config.type().webSocket() ? " path " + config.path() : "",
                tlsConfig == null ? "" : ", TLS by " + TlsContexts.resolve(tlsConfig.provider()).name()
                        .toLowerCase(Locale.ROOT), runtime.kind());
        return listener;
    }

    /** The bound address; its port is the real one when the configuration asked for 0. */
    public InetSocketAddress address() {
        return (InetSocketAddress) channel.localAddress();
    }

    public ListenerConfig config() {
        return config;
    }

    /** The connections open on this listener now. */
    public int connectionCount() {
        return connections.size();
    }

    /** Checks the TLS files now rather than at the next interval; false if nothing changed or not TLS. */
    public boolean reloadTls() {
        return tls != null && tls.reloadIfChanged();
    }

    /** Stops accepting connections. Connections already accepted stay open. */
    @Override
    public void close() {
        if (reloads != null) {
            reloads.cancel(false);
        }
        channel.close().syncUninterruptibly();
    }

    /**
     * Waits until the connections open now have closed, at most the given time.
     *
     * @return whether all of them closed
     */
    public boolean awaitConnectionsClosed(Duration timeout) {
        return connections.newCloseFuture().awaitUninterruptibly(Math.max(0, timeout.toMillis()));
    }

    /** Closes every connection still open, without a goodbye: the last step of a shutdown. */
    public void closeConnections() {
        connections.close().awaitUninterruptibly();
    }
}
