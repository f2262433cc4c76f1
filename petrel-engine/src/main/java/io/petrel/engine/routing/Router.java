package io.petrel.engine.routing;

import io.petrel.api.Message;
import io.petrel.api.QoS;
import io.petrel.engine.metrics.BrokerMetrics;
import io.petrel.engine.metrics.DropReason;
import io.petrel.engine.retained.RetainedIndex;
import io.petrel.engine.session.Delivery;
import io.petrel.engine.session.MessageSink;
import io.petrel.engine.session.Session;
import io.petrel.engine.session.WireCache;
import io.petrel.engine.topic.SharedGroup;
import io.petrel.engine.topic.Subscription;
import io.petrel.engine.topic.TopicTree;
import java.time.InstantSource;
import org.jspecify.annotations.Nullable;

/**
 * Routes published messages: stores retained ones, matches the topic against the subscription index and
 * hands a delivery to each subscriber on the subscriber's own loop. Safe to call from any thread; it takes
 * no lock on the hot path beyond the retained index's write lock for retained messages.
 */
public final class Router implements MessageSink {
    private final TopicTree<Session> subscriptions;
    private final RetainedIndex retained;
    private final BrokerMetrics metrics;
    private final InstantSource clock;

    public Router(TopicTree<Session> subscriptions, RetainedIndex retained, BrokerMetrics metrics,
            InstantSource clock) {
        this.subscriptions = subscriptions;
        this.retained = retained;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void publish(Message message, @Nullable Session publisher) {
        if (message.retain()) {
            // [MQTT-3.3.1-5] store or replace; an empty payload removes it [MQTT-3.3.1-6] and is not stored
            // [MQTT-3.3.1-7]. Either way the message goes to current subscribers as usual.
            retained.put(message);
        }
        if (message.isExpiredAt(clock.millis())) {
            metrics.dropped(DropReason.EXPIRED);
            return;
        }
        Fanout fanout = new Fanout(message, publisher);
        subscriptions.match(message.topic(), fanout);
        fanout.dispatch(this);
    }

    @Override
    public boolean redeliverShared(Delivery delivery, Session from) {
        SharedGroup<Session> group = delivery.sharedGroup();
        if (group == null) {
            return false;
        }
        return sendToGroup(group, delivery.message(), from, null);
    }

    boolean sendToGroup(SharedGroup<Session> group, Message message, @Nullable Session exclude,
            @Nullable WireCache cache) {
        Subscription<Session> member = group.pick(Session::isOnline, exclude);
        if (member == null) {
            return false;
        }
        Delivery delivery = new Delivery(message, QoS.min(message.qos(), member.options().qos()),
                member.options().retainAsPublished() && message.retain(),
                member.subscriptionId() == 0 ? Delivery.NO_IDS : new int[] {member.subscriptionId()}, group, cache);
        Fanout.send(member.subscriber(), delivery);
        return true;
    }
}
