package io.petrel.engine.session;

import java.util.ArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The sending side of flow control for one session: the backlogs its publisher waits for, since when, and the
 * slow-consumer check that stops the wait. Owned by the session's loop; created the first time the publisher
 * waits.
 */
final class Waiting {
    private final Session publisher;
    private final FlowControl flow;
    private final SessionContext context;
    private final ArrayList<Backlog> on = new ArrayList<>(2);
    private long sinceMillis;
    /** Whether a slow-consumer check is scheduled; one at a time, however often the publisher waits. */
    private boolean checkScheduled;

    Waiting(Session publisher, FlowControl flow, SessionContext context) {
        this.publisher = publisher;
        this.flow = flow;
        this.context = context;
    }

    boolean isEmpty() {
        return on.isEmpty();
    }

    /**
     * Makes the publisher wait for {@code target}, unless it already does or the target fell meanwhile: its
     * connection's intake changes once the first backlog is waited for. On the publisher's owner.
     */
    void waitFor(FlowControl subscriber) {
        Backlog target = subscriber.backlog();
        if (on.contains(target) || !subscriber.addWaiter(flow)) {
            return;
        }
        if (add(target, context.clock().millis())) {
            context.metrics().publisherPaused();
            scheduleStallCheck(context.config().slowConsumerMillis());
            flow.updateIntake();
        }
    }

    /** A backlog the publisher waits for fell, or stopped holding it back. On the publisher's owner. */
    void released(Backlog from) {
        if (remove(from)) {
            flow.updateIntake();
        }
    }

    /** Adds a backlog to wait for; returns whether the publisher was not waiting before. */
    private boolean add(Backlog backlog, long nowMillis) {
        boolean first = on.isEmpty();
        if (first) {
            sinceMillis = nowMillis;
        }
        on.add(backlog);
        return first;
    }

    /** Stops waiting for a backlog; returns whether that ended the wait. */
    private boolean remove(Backlog backlog) {
        return on.remove(backlog) && on.isEmpty();
    }

    private void scheduleStallCheck(long delayMillis) {
        if (checkScheduled) {
            return;
        }
        checkScheduled = true;
        publisher.owner().schedule(() -> publisher.run(this::checkStall), delayMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * The publisher has waited for the slow-consumer timeout: the sessions it still waits for did not drain to
     * their low-water mark meanwhile (each wakes its publishers when it does), whether they took nothing or too
     * little, so they shed from now on and it goes on.
     */
    private void checkStall() {
        checkScheduled = false;
        if (on.isEmpty()) {
            return;
        }
        long timeout = context.config().slowConsumerMillis();
        long waited = context.clock().millis() - sinceMillis;
        if (waited < timeout) {
            scheduleStallCheck(timeout - waited);
            return;
        }
        int stalled = shedAll();
        for (int i = 0; i < stalled; i++) {
            context.metrics().slowConsumer();
        }
        flow.updateIntake();
    }

    /** Marks every backlog waited for as shedding, and stops waiting; returns how many there were. */
    private int shedAll() {
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
