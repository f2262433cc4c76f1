package io.petrel.mqtt.transport;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import io.petrel.engine.loop.LoopGroup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The event loops every listener shares: one acceptor thread and one worker loop per core. The worker loops
 * also own the engine's sessions, so a session and its connection normally share a thread.
 */
public final class NettyRuntime implements LoopGroup {
    private final TransportKind kind;
    private final EventLoopGroup acceptors;
    private final EventLoopGroup workers;
    private final List<NettyLoop> loops = new ArrayList<>();

    private NettyRuntime(TransportKind kind, int workerThreads) {
        this.kind = kind;
        IoHandlerFactory factory = switch (kind) {
            case EPOLL -> EpollIoHandler.newFactory();
            case IO_URING -> IoUringIoHandler.newFactory();
            default -> NioIoHandler.newFactory();
        };
        this.acceptors = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("petrel-accept"), factory);
        this.workers = new MultiThreadIoEventLoopGroup(workerThreads, new DefaultThreadFactory("petrel-io"),
                factory);
        for (EventExecutor executor : workers) {
            loops.add(NettyLoop.of((EventLoop) executor));
        }
    }

    /**
     * Starts the event loops.
     *
     * @param requested the transport asked for; {@link TransportKind#AUTO} picks epoll where available
     * @param workerThreads the number of worker loops; 0 means one per available processor
     */
    public static NettyRuntime start(TransportKind requested, int workerThreads) {
        int threads = workerThreads > 0 ? workerThreads : Runtime.getRuntime().availableProcessors();
        return new NettyRuntime(resolve(requested), threads);
    }

    private static TransportKind resolve(TransportKind requested) {
        return switch (requested) {
            case AUTO -> Epoll.isAvailable() ? TransportKind.EPOLL : TransportKind.NIO;
            case EPOLL -> {
                Epoll.ensureAvailability();
                yield TransportKind.EPOLL;
            }
            case IO_URING -> {
                IoUring.ensureAvailability();
                yield TransportKind.IO_URING;
            }
            case NIO -> TransportKind.NIO;
        };
    }

    /** The transport in use. */
    public TransportKind kind() {
        return kind;
    }

    /** The server channel class for the transport in use. */
    public Class<? extends ServerChannel> serverChannelClass() {
        return switch (kind) {
            case EPOLL -> EpollServerSocketChannel.class;
            case IO_URING -> IoUringServerSocketChannel.class;
            default -> NioServerSocketChannel.class;
        };
    }

    public EventLoopGroup acceptors() {
        return acceptors;
    }

    public EventLoopGroup workers() {
        return workers;
    }

    @Override
    public List<NettyLoop> loops() {
        return loops;
    }

    /** Stops the loops, waiting at most the given time. */
    public void shutdown(Duration timeout) {
        acceptors.shutdownGracefully(0, timeout.toMillis(), TimeUnit.MILLISECONDS);
        workers.shutdownGracefully(0, timeout.toMillis(), TimeUnit.MILLISECONDS).awaitUninterruptibly(timeout.toMillis());
    }
}
