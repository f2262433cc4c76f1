package io.petrel.engine.topic;

import io.petrel.api.topic.TopicFilter;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The subscription index: a tree with one node per filter level. Matching a topic visits only the branches
 * its levels, {@code +} and {@code #} lead to, so its cost grows with the topic's depth, not with the number
 * of subscriptions.
 *
 * <p>Concurrency: any number of threads match at once without locking; subscribe and unsubscribe take one
 * lock, which also guards pruning of empty nodes. A match that runs during a change sees the subscription
 * either before or after it.
 *
 * @param <S> the subscriber type; compared by identity
 */
public final class TopicTree<S> {
    private static final String PLUS = "+";
    private static final String HASH = "#";

    private final TopicNode<S> root = new TopicNode<>();
    private final ReentrantLock writeLock = new ReentrantLock();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicInteger sharedSize = new AtomicInteger();

    /**
     * Adds a subscription, replacing the subscriber's earlier subscription to the same filter and share
     * group [MQTT-3.8.4-3].
     *
     * @return true if an existing subscription was replaced
     */
    public boolean subscribe(Subscription<S> subscription) {
        TopicFilter filter = subscription.filter();
        writeLock.lock();
        try {
            TopicNode<S> node = root;
            for (String level : TopicLevels.split(filter.filter())) {
                node = node.childOrCreate(level);
            }
            boolean replaced = filter.shareGroup() == null
                    ? node.putSubscription(subscription) != null
                    : node.groupOrCreate(filter.shareGroup(), filter.filter()).put(subscription);
            if (!replaced) {
                size.incrementAndGet();
                if (filter.isShared()) {
                    sharedSize.incrementAndGet();
                }
            }
            return replaced;
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Removes a subscriber's subscription to a filter.
     *
     * @return true if it existed
     */
    public boolean unsubscribe(S subscriber, TopicFilter filter) {
        String[] levels = TopicLevels.split(filter.filter());
        writeLock.lock();
        try {
            @SuppressWarnings("unchecked")
            TopicNode<S>[] path = new TopicNode[levels.length + 1];
            path[0] = root;
            for (int i = 0; i < levels.length; i++) {
                TopicNode<S> next = path[i].child(levels[i]);
                if (next == null) {
                    return false;
                }
                path[i + 1] = next;
            }
            TopicNode<S> node = path[levels.length];
            boolean removed = filter.shareGroup() == null
                    ? node.removeSubscription(subscriber)
                    : node.removeFromGroup(filter.shareGroup(), subscriber);
            if (removed) {
                size.decrementAndGet();
                if (filter.isShared()) {
                    sharedSize.decrementAndGet();
                }
                prune(path, levels);
            }
            return removed;
        } finally {
            writeLock.unlock();
        }
    }

    private void prune(TopicNode<S>[] path, String[] levels) {
        for (int i = levels.length; i > 0 && path[i].isEmpty(); i--) {
            path[i - 1].removeChild(levels[i - 1]);
        }
    }

    /** Reports every subscription and share group whose filter matches a topic name. */
    public void match(String topic, MatchVisitor<S> visitor) {
        String[] levels = TopicLevels.split(topic);
        matchLevel(root, levels, 0, topic.startsWith("$"), visitor);
    }

    private void matchLevel(TopicNode<S> node, String[] levels, int index, boolean dollarTopic,
            MatchVisitor<S> visitor) {
        // [MQTT-4.7.2-1] a filter that starts with a wildcard does not match a topic that starts with '$'.
        boolean wildcards = index > 0 || !dollarTopic;
        if (wildcards) {
            // MQTT 5 §4.7.1.2: '#' matches the remaining levels, and also the parent level itself.
            TopicNode<S> hash = node.child(HASH);
            if (hash != null) {
                visit(hash, visitor);
            }
        }
        if (index == levels.length) {
            visit(node, visitor);
            return;
        }
        if (wildcards) {
            TopicNode<S> plus = node.child(PLUS);
            if (plus != null) {
                matchLevel(plus, levels, index + 1, dollarTopic, visitor);
            }
        }
        TopicNode<S> exact = node.child(levels[index]);
        if (exact != null) {
            matchLevel(exact, levels, index + 1, dollarTopic, visitor);
        }
    }

    private void visit(TopicNode<S> node, MatchVisitor<S> visitor) {
        Map<S, Subscription<S>> subscriptions = node.subscriptions();
        if (subscriptions != null) {
            for (Subscription<S> subscription : subscriptions.values()) {
                visitor.onSubscription(subscription);
            }
        }
        Map<String, SharedGroup<S>> groups = node.groups();
        if (groups != null) {
            for (SharedGroup<S> group : groups.values()) {
                visitor.onSharedGroup(group);
            }
        }
    }

    /** The number of subscriptions, shared memberships included. */
    public int size() {
        return size.get();
    }

    /** The number of shared subscriptions: memberships of share groups. */
    public int sharedSize() {
        return sharedSize.get();
    }

    /** The number of nodes below the root, which pruning keeps to what subscriptions need. */
    int nodeCount() {
        return count(root);
    }

    private int count(TopicNode<S> node) {
        Map<String, TopicNode<S>> children = node.children();
        if (children == null) {
            return 0;
        }
        int total = 0;
        for (TopicNode<S> child : children.values()) {
            total += 1 + count(child);
        }
        return total;
    }
}
