package io.petrel.cli.bench;

/**
 * Wall-clock time in nanoseconds, from {@link System#nanoTime()} anchored once to the wall clock, so that
 * latency can be measured across processes on one machine with better than millisecond resolution.
 */
final class WallClock {
    private static final long ANCHOR_WALL = System.currentTimeMillis() * 1_000_000L;
    private static final long ANCHOR_NANO = System.nanoTime();

    private WallClock() {
    }

    static long nanos() {
        return ANCHOR_WALL + (System.nanoTime() - ANCHOR_NANO);
    }
}
