package io.petrel.engine.loop;

/** A scheduled task that may be called off. */
@FunctionalInterface
public interface Cancellable {
    /** Cancels the task if it has not run yet. */
    void cancel();
}
