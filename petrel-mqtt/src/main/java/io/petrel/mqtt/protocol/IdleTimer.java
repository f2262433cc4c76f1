package io.petrel.mqtt.protocol;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import io.netty.util.concurrent.Ticker;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Closes a connection that sends nothing for too long: before CONNECT, the connect timeout; after it, one and a
 * half keep-alive periods [MQTT-3.1.2-24]. One scheduled task per connection, which looks at the time of the
 * last read when it fires and sleeps again for what remains, so that reads cost one clock reading per batch
 * and no rescheduling. It replaces Netty's {@code IdleStateHandler}, which costs a pipeline stage per
 * connection and has to be swapped for another at CONNACK. Time while the server itself stops reading does
 * not count.
 *
 * <p>Confined to the connection's event loop.
 */
final class IdleTimer implements Runnable {
    private final EventLoop loop;
    private final Ticker ticker;
    private final MqttConnection conn;
    private long timeoutNanos;
    private long lastReadNanos;
    private boolean reading;
    private @Nullable ScheduledFuture<?> pending;

    IdleTimer(EventLoop loop, MqttConnection conn) {
        this.loop = loop;
        this.ticker = loop.ticker();
        this.conn = conn;
    }

    /**
     * Starts the count again with a new timeout; 0 turns the timer off. A task already scheduled stays when it
     * fires before the new timeout would end: it then sleeps for the rest.
     */
    void arm(long timeout, TimeUnit unit) {
        timeoutNanos = unit.toNanos(timeout);
        lastReadNanos = ticker.nanoTime();
        ScheduledFuture<?> scheduled = pending;
        if (scheduled != null && (timeoutNanos <= 0 || scheduled.getDelay(TimeUnit.NANOSECONDS) > timeoutNanos)) {
            scheduled.cancel(false);
            pending = null;
        }
        if (pending == null && timeoutNanos > 0) {
            pending = loop.schedule(this, timeoutNanos, TimeUnit.NANOSECONDS);
        }
    }

    /** A packet arrived; the time is taken once the read completes. */
    void read() {
        reading = true;
    }

    /** The current batch of reads is done. */
    void readComplete() {
        if (reading) {
            reading = false;
            lastReadNanos = ticker.nanoTime();
        }
    }

    /** Stops the timer for good. */
    void cancel() {
        timeoutNanos = 0;
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }

    @Override
    public void run() {
        pending = null;
        if (timeoutNanos <= 0) {
            return;
        }
        long now = ticker.nanoTime();
        if (conn.readingStopped() || conn.state() == MqttConnection.State.CONNECTING) {
            // The server stopped reading (flow control, a publish quota), or has yet to answer the CONNECT, which
            // keeps reading while nothing waits for the CONNACK: the client's silence is the server's doing and
            // does not count.
            lastReadNanos = now;
        }
        long idle = now - lastReadNanos;
        if (reading || idle < timeoutNanos) {
            pending = loop.schedule(this, reading ? timeoutNanos : timeoutNanos - idle, TimeUnit.NANOSECONDS);
        } else {
            conn.idleTimeout();
        }
    }
}
