package io.petrel.mqtt.transport;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.FastThreadLocal;
import io.netty.util.concurrent.ScheduledFuture;
import io.petrel.engine.loop.Cancellable;
import io.petrel.engine.loop.Loop;
import java.util.concurrent.TimeUnit;

/** A Netty event loop as the engine sees it. */
public final class NettyLoop implements Loop {
    /** The view last made on each thread: connections on one loop share it instead of each wrapping their own. */
    private static final FastThreadLocal<NettyLoop> LAST = new FastThreadLocal<>();

    private final EventLoop eventLoop;

    private NettyLoop(EventLoop eventLoop) {
        this.eventLoop = eventLoop;
    }

    /** The engine's view of an event loop; the same object for every connection of a loop, from that loop. */
    public static NettyLoop of(EventLoop eventLoop) {
        NettyLoop last = LAST.get();
        if (last != null && last.eventLoop == eventLoop) {
            return last;
        }
        NettyLoop loop = new NettyLoop(eventLoop);
        if (eventLoop.inEventLoop()) {
            LAST.set(loop);
        }
        return loop;
    }

    @Override
    public boolean inLoop() {
        return eventLoop.inEventLoop();
    }

    @Override
    public void execute(Runnable task) {
        eventLoop.execute(task);
    }

    @Override
    public Cancellable schedule(Runnable task, long delay, TimeUnit unit) {
        ScheduledFuture<?> future = eventLoop.schedule(task, delay, unit);
        return () -> future.cancel(false);
    }
}
