package io.petrel.mqtt.transport;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import io.petrel.engine.loop.Cancellable;
import io.petrel.engine.loop.Loop;
import java.util.concurrent.TimeUnit;

/** A Netty event loop as the engine sees it. */
public final class NettyLoop implements Loop {
    private final EventLoop eventLoop;

    private NettyLoop(EventLoop eventLoop) {
        this.eventLoop = eventLoop;
    }

    /** The engine's view of an event loop. Cheap: connections wrap their own loop. */
    public static NettyLoop of(EventLoop eventLoop) {
        return new NettyLoop(eventLoop);
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
