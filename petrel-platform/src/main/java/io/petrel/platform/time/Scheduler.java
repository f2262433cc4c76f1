package io.petrel.platform.time;

/** Runs tasks after a delay, on a thread that may block briefly (never an event loop). */
public interface Scheduler {

    /** Runs a task once after a delay; the returned handle cancels it if it has not run yet. */
    Cancellable schedule(Runnable task, long delayMillis);

    /** A scheduled task that can still be called off. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
