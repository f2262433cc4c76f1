package io.petrel.engine.routing;

import io.petrel.api.Message;
import io.petrel.api.QoS;
import io.petrel.api.store.BrokerStore;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Routes published messages: stores retained ones, matches the topic against the subscription index and
 * hands a delivery to each subscriber on the subscriber's own loop. Safe to call from any thread; it takes
 * no lock on the hot path beyond the retained index's write lock for retained messages.
 *
 * <p>With a store, what must survive a crash is written on the publisher's thread before the deliveries are
 * handed over: the retained message, and the message for each persistent subscriber. {@link #publish}
 * returns the stage of the last of these writes; the store commits in order, so it completes once all of
 * them, and everything the publisher wrote before, are committed.
 */
public final class Router implements MessageSink {
    private final TopicTree<Session> subscriptions;
    private final RetainedIndex retained;
    private final BrokerMetrics metrics;
    private final InstantSource clock;
    private final @Nullable BrokerStore store;
    private final AtomicLong messageIds = new AtomicLong();

    public Router(TopicTree<Session> subscriptions, RetainedIndex retained, BrokerMetrics metrics,
            InstantSource clock, @Nullable BrokerStore store) {
        this.subscriptions = subscriptions;
        this.retained = retained;
        this.metrics = metrics;
        this.clock = clock;
        this.store = store;
    }

    /** Continues message ids after the highest one the store holds; called once at startup. */
    public void startMessageIdsAfter(long lastMessageId) {
        messageIds.set(lastMessageId);
    }

    @Override
    public CompletableFuture<Void> publish(Message message, @Nullable Session publisher) {
        CompletableFuture<Void> written = publisher != null && publisher.isPersistent() ? publisher.lastWrite()
                : Session.DONE;
        if (message.retain()) {
            // [MQTT-3.3.1-5] store or replace; an empty payload removes it [MQTT-3.3.1-6] and is not stored
            // [MQTT-3.3.1-7]. Either way the message goes to current subscribers as usual.
            retained.put(message);
            if (store != null) {
                written = (message.payload().length == 0 ? store.removeRetained(message.topic())
                        : store.putRetained(message)).toCompletableFuture();
            }
        }
        if (message.isExpiredAt(clock.millis())) {
            metrics.dropped(DropReason.EXPIRED);
            return written;
        }
        Fanout fanout = new Fanout(message, publisher, this);
        subscriptions.match(message.topic(), fanout);
        CompletableFuture<Void> stored = fanout.dispatch();
        return stored != null ? stored : written;
    }

    /** Gives a message its id in the store, the first time one of its copies is stored. */
    long nextMessageId() {
        return messageIds.incrementAndGet();
    }

    @Override
    public boolean redeliverShared(Delivery delivery, Session from) {
        SharedGroup<Session> group = delivery.sharedGroup();
        if (group == null) {
            return false;
        }
        return sendToGroup(group, delivery.message(), from, null, null);
    }

    boolean sendToGroup(SharedGroup<Session> group, Message message, @Nullable Session exclude,
            @Nullable WireCache cache, @Nullable Fanout fanout) {
        Subscription<Session> member = group.pick(Session::isOnline, exclude);
        if (member == null) {
            return false;
        }
        Delivery delivery = new Delivery(message, QoS.min(message.qos(), member.options().qos()),
                member.options().retainAsPublished() && message.retain(),
                member.subscriptionId() == 0 ? Delivery.NO_IDS : new int[] {member.subscriptionId()}, group, cache);
        if (fanout != null) {
            fanout.send(member.subscriber(), delivery);
        } else {
            member.subscriber().route(delivery, this::nextMessageId);
        }
        return true;
    }
}
