package io.petrel.store.jdbc;

import java.util.Arrays;

/** A growable list of message ids, without boxing: one group commit may free thousands of bodies. */
final class MessageIds {
    private long[] ids = new long[64];
    private int size;

    void add(long id) {
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size * 2);
        }
        ids[size++] = id;
    }

    long get(int index) {
        return ids[index];
    }

    int size() {
        return size;
    }

    void clear() {
        size = 0;
    }
}
