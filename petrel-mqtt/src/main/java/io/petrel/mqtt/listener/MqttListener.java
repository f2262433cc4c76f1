package io.petrel.mqtt.listener;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import io.petrel.mqtt.protocol.ProtocolContext;
import io.petrel.mqtt.transport.NettyRuntime;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A bound MQTT listener. */
public final class MqttListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MqttListener.class);
    private static final int ACCEPT_BACKLOG = 4096;
    private static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(128 * 1024, 512 * 1024);

    private final ListenerConfig config;
    private final Channel channel;

    private MqttListener(ListenerConfig config, Channel channel) {
        this.config = config;
        this.channel = channel;
    }

    /** Binds a listener; throws if the address cannot be bound. */
    public static MqttListener bind(ListenerConfig config, ProtocolContext protocol, NettyRuntime runtime)
            throws InterruptedException {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(runtime.acceptors(), runtime.workers())
                .channel(runtime.serverChannelClass())
                .option(ChannelOption.SO_BACKLOG, ACCEPT_BACKLOG)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .childHandler(new MqttChannelInitializer(protocol, config.name()));
        Channel channel = bootstrap.bind(config.host(), config.port()).sync().channel();
        MqttListener listener = new MqttListener(config, channel);
        LOG.info("MQTT listener '{}' on {} ({})", config.name(), listener.address(), runtime.kind());
        return listener;
    }

    /** The bound address; its port is the real one when the configuration asked for 0. */
    public InetSocketAddress address() {
        return (InetSocketAddress) channel.localAddress();
    }

    public ListenerConfig config() {
        return config;
    }

    /** Stops accepting connections. Connections already accepted stay open. */
    @Override
    public void close() {
        channel.close().syncUninterruptibly();
    }
}
