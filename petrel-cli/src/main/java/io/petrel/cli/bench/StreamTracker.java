package io.petrel.cli.bench;

import java.util.Arrays;

/**
 * What one subscriber (or share group) received of one publisher's sequence: how many distinct messages,
 * how many duplicates, and how many came after a later one. A sliding window of the last {@value #WINDOW}
 * sequence numbers tells a duplicate from a late arrival.
 */
final class StreamTracker {
    static final int WINDOW = 4096;

    private final long[] seen = new long[WINDOW / 64];
    private long highest = -1;
    private long first = -1;
    private long unique;
    private long duplicates;
    private long reordered;

    void record(long sequence) {
        if (first < 0) {
            first = sequence;
        }
        if (sequence > highest) {
            if (highest < 0 || sequence - highest >= WINDOW) {
                Arrays.fill(seen, 0);
            } else {
                for (long s = highest + 1; s < sequence; s++) {
                    clear(s);
                }
            }
            set(sequence);
            highest = sequence;
            unique++;
        } else if (sequence <= highest - WINDOW) {
            // Too old for the window: counted as a late arrival, which it almost surely is.
            reordered++;
            unique++;
        } else if (isSet(sequence)) {
            duplicates++;
        } else {
            set(sequence);
            reordered++;
            unique++;
        }
    }

    private void set(long s) {
        int bit = (int) (s % WINDOW);
        seen[bit >>> 6] |= 1L << bit;
    }

    private void clear(long s) {
        int bit = (int) (s % WINDOW);
        seen[bit >>> 6] &= ~(1L << bit);
    }

    private boolean isSet(long s) {
        int bit = (int) (s % WINDOW);
        return (seen[bit >>> 6] & (1L << bit)) != 0;
    }

    long unique() {
        return unique;
    }

    long duplicates() {
        return duplicates;
    }

    long reordered() {
        return reordered;
    }

    /** How many the stream should have held from its first message seen to its highest. */
    long span() {
        return highest < 0 ? 0 : highest - first + 1;
    }
}
