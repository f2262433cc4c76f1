package io.petrel.store;

/**
 * How much a store's group-commit writer takes on.
 *
 * @param maxBatch the most writes committed in one transaction
 * @param maxPending the most writes waiting for the writer; past it new writes fail at once rather than grow
 *     the heap
 */
public record WriterLimits(int maxBatch, int maxPending) {
    /** 4,096 writes per commit, 1,000,000 waiting. */
    public static final WriterLimits DEFAULT = new WriterLimits(4096, 1_000_000);

    public WriterLimits {
        if (maxBatch < 1 || maxPending < 1) {
            throw new IllegalArgumentException("maxBatch and maxPending must be positive");
        }
    }
}
