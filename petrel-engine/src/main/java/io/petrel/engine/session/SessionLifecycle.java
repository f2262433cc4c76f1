package io.petrel.engine.session;

import io.petrel.engine.loop.Cancellable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * How a session lives and ends: attached to a connection, taken over by another, detached, expired; and its
 * will, published when a connection ends without a normal DISCONNECT, at once or after its delay. Runs on the
 * session's owner.
 *
 * <p>A timer that fires after the session was attached again, or ended, does nothing: it checks the session's
 * generation, which every attach advances.
 */
final class SessionLifecycle {
    private final Session session;
    private final SessionContext context;
    private final SessionRegistry registry;
    private final Outbox outbox;
    private final FlowControl flow;
    private final SessionPersistence persistence;

    private boolean fresh = true;
    private boolean ended;
    private int generation;
    private long expiryIntervalSeconds;
    /** The will of the current connection. */
    private @Nullable Will will;
    /** The will of a former connection, waiting for its delay or for the session to end. */
    private @Nullable Will pendingWill;
    private @Nullable Cancellable willTimer;
    private @Nullable Cancellable expiryTimer;

    SessionLifecycle(Session session, SessionContext context, SessionRegistry registry, Outbox outbox,
            FlowControl flow, SessionPersistence persistence) {
        this.session = session;
        this.context = context;
        this.registry = registry;
        this.outbox = outbox;
        this.flow = flow;
        this.persistence = persistence;
    }

    /** Whether the session ended: it left the registry, and a client that connects gets a new one. */
    boolean isEnded() {
        return ended;
    }

    /** See {@link Session#attach}; the session has not ended. */
    void attach(ConnectRequest request, ClientConnection conn, CompletableFuture<ConnectOutcome> result) {
        List<Will> willsToPublish = new ArrayList<>(2);
        ClientConnection previous = session.connection();
        // A session that lasts only as long as its connection ends when a takeover closes that connection, so the
        // new connection starts a fresh one: MQTT 3.1.1 [MQTT-3.1.2-6] for clean session 1, MQTT 5
        // [MQTT-3.1.2-23] for an expiry interval of 0.
        boolean endsWithPrevious = previous != null && expiryIntervalSeconds == 0;
        if (previous != null) {
            session.unbind();
            context.metrics().clientDisconnected();
            // [MQTT-3.1.4-3] the existing connection is closed, with reason 0x8E for MQTT 5.
            previous.close(DisconnectCause.SESSION_TAKEN_OVER);
            Will old = will;
            will = null;
            // MQTT 5 §3.1.3.2.2: a takeover sends the old connection's will, unless the session goes on under the
            // new connection and the will has a delay.
            if (old != null && (request.cleanStart() || endsWithPrevious || old.delaySeconds() == 0)) {
                willsToPublish.add(old);
            }
        }
        cancelTimers();
        if (pendingWill != null) {
            // [MQTT-3.1.3-9] reconnecting before the will delay passes cancels the will, unless the new
            // connection ends the session, which publishes it.
            if (request.cleanStart()) {
                willsToPublish.add(pendingWill);
            } else {
                persistence.deleteWill();
            }
            pendingWill = null;
        }
        // [MQTT-3.2.2-2] [MQTT-3.2.2-3] session present only when an existing session is resumed.
        boolean present = !request.cleanStart() && !fresh && !endsWithPrevious;
        if (request.cleanStart() || endsWithPrevious) {
            // The old session ends here, as it would on a close: share-group messages go to another member.
            outbox.handBackShared(session);
            session.discardState();
        }
        fresh = false;
        generation++;
        expiryIntervalSeconds = request.sessionExpirySeconds();
        will = request.will();
        outbox.stop();
        flow.reset();
        session.bind(conn);
        for (Will w : willsToPublish) {
            publishWill(w);
        }
        flow.settle();
        ConnectOutcome outcome = new ConnectOutcome(session, present);
        // The CONNACK of a persistent session promises that the session exists: it waits for the commit.
        session.persistConnected(expiryIntervalSeconds).whenComplete((ok, failure) -> {
            if (failure != null) {
                result.completeExceptionally(failure);
            } else {
                result.complete(outcome);
            }
        });
    }

    /**
     * Takes up a session restored from the store at startup, offline: its expiry keeps counting from when its
     * client disconnected.
     */
    void restored(long expirySeconds, long disconnectedAtMillis) {
        fresh = false;
        expiryIntervalSeconds = expirySeconds;
        long elapsed = Math.max(0, context.clock().millis() - disconnectedAtMillis);
        scheduleExpiry(Math.max(0, expiryIntervalSeconds * 1000 - elapsed));
    }

    /** See {@link Session#restoreWill}. */
    void restoreWill(Will restored, long publishAtMillis) {
        pendingWill = restored;
        int scheduledIn = generation;
        long delay = Math.max(0, publishAtMillis - context.clock().millis());
        willTimer = session.owner().schedule(() -> session.run(() -> {
            if (scheduledIn == generation && pendingWill == restored) {
                pendingWill = null;
                publishWill(restored);
            }
        }), delay, TimeUnit.MILLISECONDS);
    }

    /** See {@link Session#detach}; the connection that ended is the current one. */
    void detach(boolean publishWill, long newExpirySeconds) {
        session.unbind();
        outbox.stop();
        flow.stopWaiting();
        context.metrics().clientDisconnected();
        if (newExpirySeconds >= 0) {
            expiryIntervalSeconds = newExpirySeconds;
        }
        Will due = publishWill ? will : null;
        will = null;
        outbox.handBackShared(session);
        // Publishers never wait for a session without a client.
        flow.wakePublishers();
        if (expiryIntervalSeconds == 0) {
            pendingWill = due;
            end();
            return;
        }
        persistence.disconnected(expiryIntervalSeconds, due);
        if (due != null && due.delaySeconds() == 0) {
            publishWill(due);
        } else if (due != null) {
            scheduleWill(due);
        }
        scheduleExpiry(expiryIntervalSeconds * 1000);
        flow.settle();
    }

    private void scheduleWill(Will due) {
        pendingWill = due;
        int scheduledIn = generation;
        willTimer = session.owner().schedule(() -> session.run(() -> {
            if (scheduledIn == generation && pendingWill == due) {
                pendingWill = null;
                publishWill(due);
            }
        }), due.delaySeconds(), TimeUnit.SECONDS);
    }

    private void scheduleExpiry(long delayMillis) {
        if (expiryIntervalSeconds >= SessionConfig.NEVER_EXPIRE) {
            return;
        }
        int scheduledIn = generation;
        expiryTimer = session.owner().schedule(() -> session.run(() -> {
            if (scheduledIn == generation && session.connection() == null && !ended) {
                // [MQTT-4.1.0-2] the session state is discarded once the expiry interval has passed.
                context.metrics().sessionExpired();
                end();
            }
        }), delayMillis, TimeUnit.MILLISECONDS);
    }

    private void cancelTimers() {
        if (willTimer != null) {
            willTimer.cancel();
            willTimer = null;
        }
        if (expiryTimer != null) {
            expiryTimer.cancel();
            expiryTimer = null;
        }
    }

    /** Ends the session: it leaves the registry, and a will still waiting for its delay goes out now. */
    private void end() {
        ended = true;
        cancelTimers();
        registry.remove(session.clientId(), session);
        outbox.handBackShared(session);
        session.discardState();
        flow.settle();
        Will due = pendingWill;
        pendingWill = null;
        if (due != null) {
            publishWill(due);
        }
    }

    private void publishWill(Will due) {
        persistence.deleteWill();
        context.sink().publish(due.messageAt(context.clock().millis()), session);
    }
}
