package io.petrel.engine.session;

import io.petrel.api.Message;
import io.petrel.api.QoS;
import io.petrel.api.topic.TopicFilter;
import io.petrel.engine.topic.RetainHandling;
import io.petrel.engine.topic.Subscription;
import io.petrel.engine.topic.SubscriptionOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;

/**
 * A session's subscriptions by filter, kept in step with the broker's subscription index and, for a persistent
 * session, with the store; and the retained messages a new subscription receives. Created with the session's
 * first subscription, since many clients only publish. Runs on the session's owner.
 */
final class SessionSubscriptions {
    private final Session session;
    private final SessionContext context;
    private final SessionPersistence persistence;
    private final HashMap<String, Subscription<Session>> byFilter = new HashMap<>(4);

    SessionSubscriptions(Session session, SessionContext context, SessionPersistence persistence) {
        this.session = session;
        this.context = context;
        this.persistence = persistence;
    }

    /** Adds or replaces a subscription; returns whether one to the same filter already existed. */
    boolean subscribe(TopicFilter filter, SubscriptionOptions options, int subscriptionId) {
        Subscription<Session> subscription = new Subscription<>(session, filter, options, subscriptionId);
        boolean existed = context.subscriptions().subscribe(subscription);
        byFilter.put(filter.raw(), subscription);
        persistence.saveSubscription(subscription);
        return existed;
    }

    /** Removes a subscription; returns whether it existed. */
    boolean unsubscribe(TopicFilter filter) {
        Subscription<Session> removed = byFilter.remove(filter.raw());
        if (removed != null) {
            persistence.deleteSubscription(filter.raw());
        }
        return removed != null && context.subscriptions().unsubscribe(session, filter);
    }

    boolean contains(TopicFilter filter) {
        return byFilter.containsKey(filter.raw());
    }

    int size() {
        return byFilter.size();
    }

    Collection<Subscription<Session>> all() {
        return byFilter.values();
    }

    /** Takes every subscription out of the subscription index: the session ended. */
    void discard() {
        for (Subscription<Session> subscription : byFilter.values()) {
            context.subscriptions().unsubscribe(session, subscription.filter());
        }
    }

    /** See {@link Session#sendRetained}. */
    void sendRetained(TopicFilter filter, boolean existed) {
        Subscription<Session> subscription = byFilter.get(filter.raw());
        if (subscription == null || filter.isShared()) {
            return;
        }
        RetainHandling handling = subscription.options().retainHandling();
        if (handling == RetainHandling.DO_NOT_SEND || (handling == RetainHandling.SEND_IF_NEW && existed)) {
            return;
        }
        int[] ids = subscription.subscriptionId() == 0 ? Delivery.NO_IDS : new int[] {subscription.subscriptionId()};
        QoS granted = subscription.options().qos();
        long now = context.clock().millis();
        List<Message> expired = new ArrayList<>(0);
        context.retained().match(filter.filter(), message -> {
            if (message.isExpiredAt(now)) {
                // [MQTT-3.3.2-5] an expired retained message is not sent, and is no longer kept.
                expired.add(message);
            } else {
                // MQTT 3.1.1 [MQTT-3.3.1-8], MQTT 5 §3.3.1.3: a retained message sent because of a new
                // subscription has RETAIN set.
                session.deliver(new Delivery(message, QoS.min(message.qos(), granted), true, ids, null, null));
            }
        });
        expired.forEach(context.retained()::removeExpired);
    }
}
