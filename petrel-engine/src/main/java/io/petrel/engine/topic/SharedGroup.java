package io.petrel.engine.topic;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The members of one shared subscription {@code $share/{name}/{filter}}. Each message goes to one member,
 * chosen round robin among those available.
 *
 * <p>Concurrency: members change only under the owning {@link TopicTree}'s lock and are published as an
 * immutable list, so {@link #pick} reads without locking.
 *
 * @param <S> the subscriber type
 */
public final class SharedGroup<S> {
    private final String name;
    private final String filter;
    private volatile List<Subscription<S>> members = List.of();
    private final AtomicInteger cursor = new AtomicInteger();

    SharedGroup(String name, String filter) {
        this.name = name;
        this.filter = filter;
    }

    /** The share name. */
    public String name() {
        return name;
    }

    /** The topic filter the group subscribes to. */
    public String filter() {
        return filter;
    }

    /** The current members. */
    public List<Subscription<S>> members() {
        return members;
    }

    /**
     * Chooses the member for the next message: the next available one in round-robin order, else any member
     * other than {@code exclude}, else null.
     *
     * @param available whether a member can take a message now (connected, for example)
     * @param exclude a subscriber that must not be chosen, or null
     */
    public @Nullable Subscription<S> pick(Predicate<S> available, @Nullable S exclude) {
        List<Subscription<S>> current = members;
        int size = current.size();
        if (size == 0) {
            return null;
        }
        int start = Math.floorMod(cursor.getAndIncrement(), size);
        Subscription<S> fallback = null;
        for (int i = 0; i < size; i++) {
            Subscription<S> candidate = current.get((start + i) % size);
            if (candidate.subscriber() == exclude) {
                continue;
            }
            if (available.test(candidate.subscriber())) {
                return candidate;
            }
            if (fallback == null) {
                fallback = candidate;
            }
        }
        return fallback;
    }

    boolean put(Subscription<S> subscription) {
        List<Subscription<S>> next = new ArrayList<>(members);
        boolean replaced = next.removeIf(s -> s.subscriber() == subscription.subscriber());
        next.add(subscription);
        members = List.copyOf(next);
        return replaced;
    }

    boolean remove(S subscriber) {
        List<Subscription<S>> next = new ArrayList<>(members);
        boolean removed = next.removeIf(s -> s.subscriber() == subscriber);
        if (removed) {
            members = List.copyOf(next);
        }
        return removed;
    }

    boolean isEmpty() {
        return members.isEmpty();
    }
}
