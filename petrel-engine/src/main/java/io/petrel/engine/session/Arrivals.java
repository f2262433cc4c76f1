package io.petrel.engine.session;

import io.petrel.api.QoS;
import io.petrel.api.store.BrokerStore;
import io.petrel.engine.metrics.DropReason;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * How a routed message enters a session: admitted and counted on the publisher's thread, stored first if it
 * must survive a crash, then handed to the session's owner ({@link Arrival}) and its {@link Outbox}.
 */
final class Arrivals {
    private final Session session;
    private final SessionContext context;
    private final SessionLifecycle lifecycle;
    private final FlowControl flow;
    private final SessionPersistence persistence;
    private final Outbox outbox;

    Arrivals(Session session, SessionContext context, SessionLifecycle lifecycle, FlowControl flow,
            SessionPersistence persistence, Outbox outbox) {
        this.session = session;
        this.context = context;
        this.lifecycle = lifecycle;
        this.flow = flow;
        this.persistence = persistence;
        this.outbox = outbox;
    }

    /** See {@link Session#route}. Runs on the publisher's thread. */
    @Nullable CompletableFuture<Void> route(Delivery delivery, LongSupplier messageIds) {
        if (!flow.admit(delivery.qos())) {
            return null;
        }
        StoredQueue queue = persistence.queue();
        if (queue == null || (delivery.qos() == QoS.AT_MOST_ONCE
                && (session.isOnline() || !context.config().queueQos0Offline()))) {
            session.run(new Arrival(this, delivery, 0, 0));
            return null;
        }
        long messageId = messageIds.getAsLong();
        return queue.enqueue(delivery, messageId,
                sequence -> session.run(new Arrival(this, delivery, sequence, messageId)));
    }

    /** A routed message reached the owner. */
    void arrived(Arrival arrival) {
        if (!session.owner().inLoop()) {
            // The session moved to another loop while the message was on its way.
            session.owner().execute(arrival);
            return;
        }
        flow.arrived();
        deliverNow(arrival.delivery(), arrival.sequence(), arrival.messageId());
        flow.settle();
    }

    /** See {@link Session#deliver}. */
    void deliver(Delivery delivery) {
        deliverNow(delivery, 0, 0);
        flow.settle();
    }

    /** Delivers a message that {@link #route} stored under a sequence number, or that is not stored (0). */
    private void deliverNow(Delivery delivery, long sequence, long messageId) {
        Pending pending = new Pending(delivery, sequence, messageId);
        boolean ended = lifecycle.isEnded();
        if (pending.isStored() && (ended || persistence.queue() == null)) {
            // The session ended or stopped being persistent while the message was on its way.
            BrokerStore store = context.store();
            if (store != null) {
                store.removeDelivery(session.clientId(), sequence, messageId);
            }
            pending = Pending.inMemory(delivery);
        }
        if (ended) {
            context.metrics().dropped(DropReason.SESSION_ENDED);
            return;
        }
        outbox.deliver(pending, session.isOnline());
    }
}
