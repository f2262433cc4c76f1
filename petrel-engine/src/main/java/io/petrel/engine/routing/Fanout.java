package io.petrel.engine.routing;

import io.petrel.api.Message;
import io.petrel.api.QoS;
import io.petrel.engine.session.Delivery;
import io.petrel.engine.session.Session;
import io.petrel.engine.session.WireCache;
import io.petrel.engine.topic.MatchVisitor;
import io.petrel.engine.topic.SharedGroup;
import io.petrel.engine.topic.Subscription;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Collects the subscriptions one message matches and turns them into one delivery per subscriber. When a
 * subscriber matches through several filters it gets a single copy at the highest granted QoS
 * [MQTT-3.3.4-2], carrying every matching subscription identifier [MQTT-3.3.4-3] [MQTT-3.3.4-4]; a single
 * match carries its own [MQTT-3.3.4-5].
 */
final class Fanout implements MatchVisitor<Session> {
    private final Message message;
    private final @Nullable Session publisher;
    private final Router router;
    private @Nullable Subscription<Session> single;
    private @Nullable Map<Session, Merged> merged;
    private @Nullable List<SharedGroup<Session>> groups;
    /** The message's id in the store, taken when the first persistent subscriber stores it. */
    private long messageId;
    private @Nullable CompletableFuture<Void> lastStored;

    Fanout(Message message, @Nullable Session publisher, Router router) {
        this.message = message;
        this.publisher = publisher;
        this.router = router;
    }

    @Override
    public void onSubscription(Subscription<Session> subscription) {
        // [MQTT-3.8.3-3] with No Local set, a client's own messages are not sent back to it.
        if (subscription.options().noLocal() && subscription.subscriber() == publisher) {
            return;
        }
        if (merged == null && single == null) {
            single = subscription;
            return;
        }
        if (merged == null) {
            merged = new IdentityHashMap<>();
            add(single);
            single = null;
        }
        add(subscription);
    }

    private void add(Subscription<Session> subscription) {
        merged.computeIfAbsent(subscription.subscriber(), s -> new Merged()).add(subscription);
    }

    @Override
    public void onSharedGroup(SharedGroup<Session> group) {
        if (groups == null) {
            groups = new ArrayList<>(2);
        }
        groups.add(group);
    }

    /**
     * Hands the message to every matched subscriber and one member of every matched share group.
     *
     * @return the stage of the last store write, or null when no subscriber stored the message
     */
    @Nullable CompletableFuture<Void> dispatch() {
        int total = (single != null ? 1 : 0) + (merged != null ? merged.size() : 0)
                + (groups != null ? groups.size() : 0);
        if (total == 0) {
            return null;
        }
        WireCache cache = total > 1 ? new WireCache() : null;
        if (single != null) {
            send(single.subscriber(), delivery(single.options().qos(), single.options().retainAsPublished(),
                    ids(single.subscriptionId()), null, cache));
        }
        if (merged != null) {
            for (Map.Entry<Session, Merged> entry : merged.entrySet()) {
                Merged m = entry.getValue();
                send(entry.getKey(), delivery(m.qos, m.retainAsPublished, m.ids(), null, cache));
            }
        }
        if (groups != null) {
            for (SharedGroup<Session> group : groups) {
                router.sendToGroup(group, message, null, cache, this);
            }
        }
        return lastStored;
    }

    private Delivery delivery(QoS granted, boolean retainAsPublished, int[] ids,
            @Nullable SharedGroup<Session> group, @Nullable WireCache cache) {
        // [MQTT-3.3.1-12] [MQTT-3.3.1-13] the retain flag is kept only with Retain As Published; MQTT 3
        // subscriptions never set it, which gives [MQTT-3.3.1-9] of 3.1.1.
        return new Delivery(message, QoS.min(message.qos(), granted), retainAsPublished && message.retain(), ids,
                group, cache);
    }

    private static int[] ids(int id) {
        return id == 0 ? Delivery.NO_IDS : new int[] {id};
    }

    /**
     * Hands the delivery to the target, which stores it first if it is persistent. A target whose backlog is
     * full makes the publisher wait: the message itself is taken, and the publisher sends no more until the
     * target drains.
     */
    void send(Session target, Delivery delivery) {
        CompletableFuture<Void> stored = target.route(delivery, this::messageId);
        if (stored != null) {
            lastStored = stored;
        }
        if (publisher != null && target.holdsBack()) {
            publisher.waitFor(target);
        }
    }

    /** One id for every stored copy of the message, so that the store keeps its body once. */
    private long messageId() {
        if (messageId == 0) {
            messageId = router.nextMessageId();
        }
        return messageId;
    }

    /** The subscriptions of one subscriber that the message matched. */
    private static final class Merged {
        QoS qos = QoS.AT_MOST_ONCE;
        boolean retainAsPublished;
        private int[] ids = Delivery.NO_IDS;

        void add(Subscription<Session> subscription) {
            qos = QoS.max(qos, subscription.options().qos());
            retainAsPublished |= subscription.options().retainAsPublished();
            if (subscription.subscriptionId() != 0) {
                int[] grown = Arrays.copyOf(ids, ids.length + 1);
                grown[ids.length] = subscription.subscriptionId();
                ids = grown;
            }
        }

        int[] ids() {
            return ids;
        }
    }
}
