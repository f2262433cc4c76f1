package io.petrel.store.jdbc;

import java.util.concurrent.atomic.LongAdder;

/** What a group-commit writer has done: commits, the units they carried, failures and refusals. */
public final class WriterStats {
    private final LongAdder commits = new LongAdder();
    private final LongAdder units = new LongAdder();
    private final LongAdder commitNanos = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder refused = new LongAdder();

    void committed(int size, long nanos) {
        commits.increment();
        units.add(size);
        commitNanos.add(nanos);
    }

    void countFailure() {
        failed.increment();
    }

    void countRefusal() {
        refused.increment();
    }

    /** Transactions committed. */
    public long commits() {
        return commits.sum();
    }

    /** Units of work committed. */
    public long units() {
        return units.sum();
    }

    /** Time spent running and committing batches, in nanoseconds. */
    public long commitNanos() {
        return commitNanos.sum();
    }

    /** Units that failed on their own. */
    public long failed() {
        return failed.sum();
    }

    /** Units refused because the queue was full. */
    public long refused() {
        return refused.sum();
    }
}
