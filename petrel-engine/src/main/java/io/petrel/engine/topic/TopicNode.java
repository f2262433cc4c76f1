package io.petrel.engine.topic;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * One level of the topic tree. The maps are created on first use, since most nodes hold only children or
 * only subscriptions. Written under the tree's lock, read without it.
 */
final class TopicNode<S> {
    private volatile @Nullable ConcurrentHashMap<String, TopicNode<S>> children;
    private volatile @Nullable ConcurrentHashMap<S, Subscription<S>> subscriptions;
    private volatile @Nullable ConcurrentHashMap<String, SharedGroup<S>> groups;

    @Nullable TopicNode<S> child(String level) {
        Map<String, TopicNode<S>> map = children;
        return map == null ? null : map.get(level);
    }

    TopicNode<S> childOrCreate(String level) {
        ConcurrentHashMap<String, TopicNode<S>> map = children;
        if (map == null) {
            map = new ConcurrentHashMap<>(4);
            children = map;
        }
        return map.computeIfAbsent(level, l -> new TopicNode<>());
    }

    @Nullable Map<String, TopicNode<S>> children() {
        return children;
    }

    void removeChild(String level) {
        Map<String, TopicNode<S>> map = children;
        if (map != null) {
            map.remove(level);
        }
    }

    @Nullable Map<S, Subscription<S>> subscriptions() {
        return subscriptions;
    }

    @Nullable Map<String, SharedGroup<S>> groups() {
        return groups;
    }

    @Nullable Subscription<S> putSubscription(Subscription<S> subscription) {
        ConcurrentHashMap<S, Subscription<S>> map = subscriptions;
        if (map == null) {
            map = new ConcurrentHashMap<>(4);
            subscriptions = map;
        }
        return map.put(subscription.subscriber(), subscription);
    }

    boolean removeSubscription(S subscriber) {
        Map<S, Subscription<S>> map = subscriptions;
        return map != null && map.remove(subscriber) != null;
    }

    SharedGroup<S> groupOrCreate(String name, String filter) {
        ConcurrentHashMap<String, SharedGroup<S>> map = groups;
        if (map == null) {
            map = new ConcurrentHashMap<>(2);
            groups = map;
        }
        return map.computeIfAbsent(name, n -> new SharedGroup<>(n, filter));
    }

    boolean removeFromGroup(String name, S subscriber) {
        Map<String, SharedGroup<S>> map = groups;
        SharedGroup<S> group = map == null ? null : map.get(name);
        if (group == null || !group.remove(subscriber)) {
            return false;
        }
        if (group.isEmpty()) {
            map.remove(name);
        }
        return true;
    }

    boolean isEmpty() {
        Map<?, ?> c = children;
        Map<?, ?> s = subscriptions;
        Map<?, ?> g = groups;
        return (c == null || c.isEmpty()) && (s == null || s.isEmpty()) && (g == null || g.isEmpty());
    }
}
