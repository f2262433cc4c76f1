package io.petrel.engine.session;

import io.petrel.api.QoS;
import io.petrel.engine.metrics.DropReason;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jspecify.annotations.Nullable;

/**
 * The receiving side of flow control for one session: how many messages routed to it its connection has not
 * taken yet (in transit from the publishers' loops, queued in memory, or waiting in the store), and the
 * publishers waiting for that number to fall.
 *
 * <p>A publisher that routes a message here while the backlog is at the high-water mark waits (see
 * {@link Session#waitFor}); the owner wakes every waiting publisher when the backlog falls below the low-water
 * mark. A session that lets publishers wait for longer than the slow-consumer timeout is marked as shedding:
 * publishers stop waiting for it, and what exceeds its bound is dropped and counted, QoS 0 first.
 *
 * <p>Concurrency: publishers on any loop add to the count and read it; only the owner takes from it. A publisher
 * registers as a waiter before it reads the count again, and the owner lowers the count before it looks for
 * waiters: both are volatile accesses, so one of the two always sees the other and no wake-up is lost. The
 * waiter queue is created on first use; most sessions never have one.
 */
final class Backlog {
    private static final VarHandle COUNT;
    private static final VarHandle WAITERS;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            COUNT = lookup.findVarHandle(Backlog.class, "count", int.class);
            WAITERS = lookup.findVarHandle(Backlog.class, "waiters", ConcurrentLinkedQueue.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile int count;
    private volatile boolean shedding;
    private volatile @Nullable ConcurrentLinkedQueue<FlowControl> waiters;
    /** The part of the count the owner accounts for: queued in memory and in the store. Owner only. */
    private int held;

    /** Counts a message routed to the session; any thread. */
    void arrive() {
        COUNT.getAndAdd(this, 1);
    }

    /** The current backlog; any thread. */
    int count() {
        return count;
    }

    /** Whether publishers no longer wait for this session; any thread. */
    boolean shedding() {
        return shedding;
    }

    /**
     * Decides on the publisher's thread whether the session can take one more message, so that what it cannot
     * take never travels to its loop: the backlog stays within the queue bound, and QoS 0 stays within half of
     * it when nobody waits for the session to drain (offline, or shedding).
     *
     * @param online whether the session has a client
     * @return why the message is dropped, or null if it is taken
     */
    @Nullable DropReason admit(QoS qos, boolean online, SessionConfig config) {
        int value = count;
        if (qos == QoS.AT_MOST_ONCE) {
            if (!online && !config.queueQos0Offline()) {
                return DropReason.QOS0_OFFLINE;
            }
            if (value >= config.highWater() && (!online || shedding)) {
                return online ? DropReason.SLOW_CONSUMER : DropReason.QUEUE_FULL;
            }
        }
        int limit = online ? Math.max(1, config.maxQueued()) : config.maxQueued();
        if (value >= limit) {
            return qos == QoS.AT_MOST_ONCE && online ? DropReason.SLOW_CONSUMER : DropReason.QUEUE_FULL;
        }
        return null;
    }

    /**
     * Brings the count up to date on the owner, after messages arrived or left.
     *
     * @param arrived messages that arrived from publishers since the last call, now part of {@code nowHeld} or
     *     gone
     * @param nowHeld the messages the session holds unsent now
     * @param config for the water marks
     * @return the backlog now
     */
    int settle(int arrived, int nowHeld, SessionConfig config) {
        int delta = nowHeld - held - arrived;
        held = nowHeld;
        int value = delta == 0 ? count : (int) COUNT.getAndAdd(this, delta) + delta;
        int low = config.lowWater();
        if (delta < 0 && value < low && value - delta >= low) {
            wakeAll();
        }
        if (value < low && shedding) {
            shedding = false;
        }
        return value;
    }

    /**
     * Registers a publisher that waits for this backlog to fall, unless it already fell; any thread.
     *
     * @return whether the publisher must wait: false if the backlog fell below the low-water mark meanwhile
     */
    boolean addWaiter(FlowControl publisher, SessionConfig config) {
        ConcurrentLinkedQueue<FlowControl> queue = waiters;
        if (queue == null) {
            WAITERS.compareAndSet(this, null, new ConcurrentLinkedQueue<FlowControl>());
            queue = waiters;
        }
        queue.add(publisher);
        // Read after the registration: if the owner lowered the count before it, the owner may have missed it.
        return !shedding && count >= config.lowWater();
    }

    /** Stops holding publishers back until the backlog falls below the low-water mark; any thread. */
    void shed() {
        shedding = true;
        wakeAll();
    }

    /** Wakes every waiting publisher; any thread. */
    void wakeAll() {
        ConcurrentLinkedQueue<FlowControl> queue = waiters;
        if (queue == null) {
            return;
        }
        FlowControl publisher;
        while ((publisher = queue.poll()) != null) {
            publisher.released(this);
        }
    }
}
