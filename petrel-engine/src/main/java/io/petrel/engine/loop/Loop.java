package io.petrel.engine.loop;

import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * A single thread that runs tasks in submission order. Every session is owned by exactly one loop at a
 * time, and all of its state changes run there, so session state needs no locks.
 */
public interface Loop extends Executor {
    /** Whether the calling thread is this loop's thread. */
    boolean inLoop();

    /** Runs a task on this loop after a delay. */
    Cancellable schedule(Runnable task, long delay, TimeUnit unit);
}
