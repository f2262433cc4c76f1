package io.petrel.platform.testing;

import io.petrel.platform.time.Scheduler;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A clock and a scheduler that move only when a test advances them; due tasks run on the test's thread. */
public final class ManualTime implements InstantSource, Scheduler {
    private long now;
    private long sequence;
    private final List<Task> tasks = new ArrayList<>();

    private record Task(long due, long sequence, Runnable action) {
    }

    public ManualTime(long startMillis) {
        this.now = startMillis;
    }

    @Override
    public synchronized Instant instant() {
        return Instant.ofEpochMilli(now);
    }

    @Override
    public synchronized long millis() {
        return now;
    }

    @Override
    public synchronized Cancellable schedule(Runnable action, long delayMillis) {
        Task task = new Task(now + Math.max(0, delayMillis), sequence++, action);
        tasks.add(task);
        return () -> {
            synchronized (this) {
                tasks.remove(task);
            }
        };
    }

    /** Moves the clock forward, running every task that falls due, in order, at its due time. */
    public void advance(long millis) {
        long target;
        synchronized (this) {
            target = now + millis;
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.stream()
                        .filter(task -> task.due() <= target)
                        .min(Comparator.comparingLong(Task::due).thenComparingLong(Task::sequence))
                        .orElse(null);
                if (next == null) {
                    now = target;
                    return;
                }
                tasks.remove(next);
                now = Math.max(now, next.due());
            }
            next.action().run();
        }
    }

    /** Tasks waiting to run. */
    public synchronized int pending() {
        return tasks.size();
    }
}
