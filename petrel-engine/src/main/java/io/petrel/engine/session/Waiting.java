package io.petrel.engine.session;

import java.util.ArrayList;

/**
 * The sending side of flow control for one session: the backlogs its publisher waits for, and since when.
 * Owned by the session's loop; created the first time the publisher waits.
 */
final class Waiting {
    private final ArrayList<Backlog> on = new ArrayList<>(2);
    private long sinceMillis;
    /** Whether a slow-consumer check is scheduled; one at a time, however often the publisher waits. */
    boolean checkScheduled;

    boolean isEmpty() {
        return on.isEmpty();
    }

    boolean contains(Backlog backlog) {
        return on.contains(backlog);
    }

    /** Adds a backlog to wait for; returns whether the publisher was not waiting before. */
    boolean add(Backlog backlog, long nowMillis) {
        boolean first = on.isEmpty();
        if (first) {
            sinceMillis = nowMillis;
        }
        on.add(backlog);
        return first;
    }

    /** Stops waiting for a backlog; returns whether that ended the wait. */
    boolean remove(Backlog backlog) {
        return on.remove(backlog) && on.isEmpty();
    }

    long waitedMillis(long nowMillis) {
        return on.isEmpty() ? 0 : nowMillis - sinceMillis;
    }

    /** Marks every backlog waited for as shedding, and stops waiting; returns how many there were. */
    int shedAll() {
        int count = on.size();
        // A copy: shedding wakes this publisher too, which would change the list while it is walked.
        Backlog[] stalled = on.toArray(new Backlog[0]);
        on.clear();
        for (Backlog backlog : stalled) {
            backlog.shed();
        }
        return count;
    }

    void clear() {
        on.clear();
    }
}
