package io.petrel.engine.session;

import io.petrel.api.QoS;
import io.petrel.engine.metrics.DropReason;
import org.jspecify.annotations.Nullable;

/**
 * One session's flow control, on both sides. As a subscriber, it counts the messages routed to the session and
 * not yet sent in its {@link Backlog}. As a publisher, it waits for the backlogs of the sessions it routes to
 * ({@link Waiting}) and tells its connection what it may read meanwhile.
 *
 * <p>A publisher that routes a message to a connected session whose backlog is at the high-water mark waits until
 * it falls below the low-water mark ({@link #waitFor}): its connection's {@link Intake} closes. QoS 1 and 2
 * messages are therefore not dropped while their subscriber takes them, however fast publishers are; only a
 * subscriber that does not drain to the low-water mark within the slow-consumer timeout stops holding publishers
 * back, and sheds.
 *
 * <p>Threading: {@link #admit} and {@link #holdsBack} run on the publishers' threads; everything else on the
 * session's owner.
 */
final class FlowControl {
    private final Session session;
    private final SessionContext context;
    private final Outbox outbox;
    private final Backlog backlog = new Backlog();
    /** Messages that arrived from publishers and are not yet accounted for in the backlog. */
    private int arrivals;
    private @Nullable Waiting waiting;
    private Intake intake = Intake.OPEN;
    /** Whether anything routed here is unsent or unacknowledged, which the client's acknowledgements drain. */
    private boolean owes;

    FlowControl(Session session, SessionContext context, Outbox outbox) {
        this.session = session;
        this.context = context;
        this.outbox = outbox;
    }

    /**
     * Counts a message routed to the session, if it can take it; otherwise counts it as dropped. Runs on the
     * publisher's thread.
     *
     * @return whether the session takes the message
     */
    boolean admit(QoS qos) {
        DropReason refused = backlog.admit(qos, session.isOnline(), context.config());
        if (refused != null) {
            context.metrics().dropped(refused);
            return false;
        }
        backlog.arrive();
        return true;
    }

    /** See {@link Session#holdsBack}. Any thread. */
    boolean holdsBack() {
        return session.connection() != null && !backlog.shedding()
                && backlog.count() >= context.config().highWater();
    }

    /** See {@link Session#waitFor}. */
    void waitFor(FlowControl target) {
        if (session.connection() == null || !session.owner().inLoop()) {
            return;
        }
        Waiting w = waiting;
        if (w == null) {
            w = new Waiting(session, this, context);
            waiting = w;
        }
        w.waitFor(target);
    }

    Backlog backlog() {
        return backlog;
    }

    /**
     * Registers a publisher that waits for this session's backlog to fall. Any thread.
     *
     * @return whether it must wait: false if the backlog fell meanwhile, or the client left
     */
    boolean addWaiter(FlowControl publisher) {
        // The connection is read after the registration: a detach clears it before it wakes the waiters, so a
        // publisher registered too late for that wake-up sees the session offline here instead of waiting for it
        // until the slow-consumer timeout.
        return backlog.addWaiter(publisher, context.config()) && session.connection() != null;
    }

    /**
     * A backlog this session's publisher waits for fell, or stopped holding it back. Any thread. Always a task
     * of its own, even on the owner: the backlog's owner may be in the middle of its own work, and the
     * publisher goes on with the packets it held.
     */
    void released(Backlog from) {
        session.owner().execute(() -> session.run(() -> {
            Waiting w = waiting;
            if (w != null) {
                w.released(from);
            }
        }));
    }

    /** The connection is gone or replaced: its publisher waits for nothing, and a new one reads everything. */
    void reset() {
        stopWaiting();
        intake = Intake.OPEN;
    }

    void stopWaiting() {
        Waiting w = waiting;
        if (w != null) {
            w.clear();
        }
    }

    /** Publishers never wait for a session without a client. */
    void wakePublishers() {
        backlog.wakeAll();
    }

    /** Tells the connection what it may read, when that changed. Must run on the owner. */
    void updateIntake() {
        ClientConnection conn = session.connection();
        if (conn == null) {
            return;
        }
        Waiting w = waiting;
        // A publisher stops reading only while its own session owes its client nothing: publishers that wait
        // for this session always find its client's acknowledgements read, so no wait is ever circular.
        Intake wanted = w == null || w.isEmpty() ? Intake.OPEN : owes ? Intake.ACKS_ONLY : Intake.PAUSED;
        if (wanted != intake) {
            intake = wanted;
            conn.intake(wanted);
        }
    }

    /** A routed message reached the owner; {@link #settle} accounts for it. */
    void arrived() {
        arrivals++;
    }

    /**
     * Brings the backlog up to date after messages arrived or left, and the connection's intake with it. Must
     * run on the owner.
     */
    void settle() {
        int arrived = arrivals;
        arrivals = 0;
        int count = backlog.settle(arrived, outbox.held(), context.config());
        boolean owing = count > 0 || outbox.inflightCount() > 0;
        if (owing != owes) {
            owes = owing;
            updateIntake();
        }
    }
}
