package io.petrel.engine.testing;

import io.petrel.engine.loop.Cancellable;
import io.petrel.engine.loop.Loop;
import io.petrel.engine.loop.LoopGroup;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Deterministic loops and the clock they share, for engine tests. Everything runs on the test thread: tasks
 * run in submission order when the test calls {@link #runPending()}, and scheduled tasks become due only when
 * the test advances the clock. Each loop still knows whether "it" is running, so the engine's hops between
 * loops happen exactly as in production, only in a predictable order.
 */
public final class ManualLoops implements LoopGroup, InstantSource {
    private static final int MAX_TASKS_PER_RUN = 1_000_000;

    private final List<ManualLoop> loops = new ArrayList<>();
    private final ArrayDeque<Task> ready = new ArrayDeque<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private long nowMillis;
    private long timerSequence;
    private @Nullable ManualLoop current;

    public ManualLoops(int count, Instant start) {
        for (int i = 0; i < count; i++) {
            loops.add(new ManualLoop(i));
        }
        this.nowMillis = start.toEpochMilli();
    }

    @Override
    public List<ManualLoop> loops() {
        return loops;
    }

    public ManualLoop loop(int index) {
        return loops.get(index);
    }

    /** Runs every queued task, and the tasks they queue, until none is left. */
    public void runPending() {
        int ran = 0;
        Task task;
        while ((task = ready.poll()) != null) {
            if (++ran > MAX_TASKS_PER_RUN) {
                throw new IllegalStateException("tasks keep queueing more tasks");
            }
            ManualLoop previous = current;
            current = task.loop;
            try {
                task.runnable.run();
            } finally {
                current = previous;
            }
        }
    }

    /** Runs a task on a loop, then everything it leads to. */
    public void runOn(Loop loop, Runnable task) {
        loop.execute(task);
        runPending();
    }

    /** Moves the clock forward, running each scheduled task at its due time. */
    public void advance(Duration duration) {
        long target = nowMillis + duration.toMillis();
        runPending();
        while (!timers.isEmpty() && timers.peek().dueMillis <= target) {
            Timer timer = timers.poll();
            nowMillis = Math.max(nowMillis, timer.dueMillis);
            if (!timer.cancelled) {
                timer.loop.execute(timer.runnable);
            }
            runPending();
        }
        nowMillis = target;
        runPending();
    }

    /** Scheduled tasks not yet run or cancelled. */
    public long scheduledCount() {
        return timers.stream().filter(t -> !t.cancelled).count();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(nowMillis);
    }

    @Override
    public long millis() {
        return nowMillis;
    }

    /** One loop of the group. */
    public final class ManualLoop implements Loop {
        private final int index;

        private ManualLoop(int index) {
            this.index = index;
        }

        @Override
        public boolean inLoop() {
            return current == this;
        }

        @Override
        public void execute(Runnable task) {
            ready.add(new Task(this, task));
        }

        @Override
        public Cancellable schedule(Runnable task, long delay, TimeUnit unit) {
            Timer timer = new Timer(nowMillis + unit.toMillis(delay), timerSequence++, this, task);
            timers.add(timer);
            return () -> timer.cancelled = true;
        }

        @Override
        public String toString() {
            return "loop-" + index;
        }
    }

    private record Task(ManualLoop loop, Runnable runnable) {
    }

    private static final class Timer implements Comparable<Timer> {
        final long dueMillis;
        final long sequence;
        final ManualLoop loop;
        final Runnable runnable;
        boolean cancelled;

        Timer(long dueMillis, long sequence, ManualLoop loop, Runnable runnable) {
            this.dueMillis = dueMillis;
            this.sequence = sequence;
            this.loop = loop;
            this.runnable = runnable;
        }

        @Override
        public int compareTo(Timer other) {
            int byTime = Long.compare(dueMillis, other.dueMillis);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }
}
