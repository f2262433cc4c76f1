package io.petrel.store.memory;

import io.petrel.api.Message;
import io.petrel.api.store.BrokerStore;
import io.petrel.api.store.DeliveryStage;
import io.petrel.api.store.PendingWill;
import io.petrel.api.store.QueuedMessage;
import io.petrel.api.store.StoredSession;
import io.petrel.api.store.StoredSubscription;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The broker's state on the heap, as plain maps mirroring the SQL tables: nothing survives the process. It
 * is the reference implementation of the contract and what engine tests run on.
 *
 * <p>Concurrency: one monitor guards every map. Each call holds it briefly, and its stage is already
 * complete when the call returns, which keeps every write in the order it was made.
 */
public final class InMemoryBrokerStore implements BrokerStore {
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final Map<String, long[]> sessions = new HashMap<>();
    private final Map<String, Map<String, StoredSubscription>> subscriptions = new HashMap<>();
    private final Map<String, Set<Integer>> inboundQos2 = new HashMap<>();
    private final Map<String, NavigableMap<Long, QueuedMessage>> queues = new HashMap<>();
    private final Map<String, Message> retained = new HashMap<>();
    private final Map<String, PendingWill> wills = new HashMap<>();

    @Override
    public synchronized void loadSessions(Consumer<StoredSession> sink) {
        for (Map.Entry<String, long[]> entry : sessions.entrySet()) {
            String clientId = entry.getKey();
            NavigableMap<Long, QueuedMessage> queue = queues.getOrDefault(clientId, new TreeMap<>());
            sink.accept(new StoredSession(clientId, entry.getValue()[0], entry.getValue()[1],
                    List.copyOf(subscriptions.getOrDefault(clientId, Map.of()).values()),
                    inboundQos2.getOrDefault(clientId, Set.of()), queue.size(),
                    queue.isEmpty() ? 0 : queue.lastKey()));
        }
    }

    @Override
    public synchronized void loadRetained(Consumer<Message> sink) {
        retained.values().forEach(sink);
    }

    @Override
    public synchronized void loadWills(Consumer<PendingWill> sink) {
        wills.values().forEach(sink);
    }

    @Override
    public synchronized long lastMessageId() {
        long last = 0;
        for (NavigableMap<Long, QueuedMessage> queue : queues.values()) {
            for (QueuedMessage queued : queue.values()) {
                last = Math.max(last, queued.messageId());
            }
        }
        return last;
    }

    @Override
    public synchronized CompletionStage<Void> saveSession(String clientId, long expiryIntervalSeconds,
            long disconnectedAtMillis) {
        sessions.put(clientId, new long[] {expiryIntervalSeconds, disconnectedAtMillis});
        return DONE;
    }

    @Override
    public synchronized CompletionStage<Void> deleteSession(String clientId) {
        sessions.remove(clientId);
        subscriptions.remove(clientId);
        inboundQos2.remove(clientId);
        queues.remove(clientId);
        wills.remove(clientId);
        return DONE;
    }

    @Override
    public synchronized CompletionStage<Void> saveSubscription(String clientId, StoredSubscription subscription) {
        subscriptions.computeIfAbsent(clientId, id -> new LinkedHashMap<>()).put(subscription.filter(), subscription);
        return DONE;
    }

    @Override
    public synchronized CompletionStage<Void> deleteSubscription(String clientId, String filter) {
        Map<String, StoredSubscription> of = subscriptions.get(clientId);
        if (of != null) {
            of.remove(filter);
        }
        return DONE;
    }

    @Override
    public synchronized CompletionStage<Void> enqueue(String clientId, QueuedMessage message) {
        queues.computeIfAbsent(clientId, id -> new TreeMap<>()).put(message.sequence(), message);
        return DONE;
    }

    @Override
    public synchronized CompletionStage<Void> updateDelivery(String clientId, long sequence, int packetId,
            DeliveryStage stage) {
        NavigableMap<Long, QueuedMessage> queue = queues.get(clientId);
        if (queue != null) {
            queue.computeIfPresent(sequence, (seq, queued) -> queued.withDelivery(packetId, stage));
        }
        return DONE;
    }

    @Override
    public synchronized CompletionStage<Void> removeDelivery(String clientId, long sequence, long messageId) {
        NavigableMap<Long, QueuedMessage> queue = queues.get(clientId);
        if (queue != null) {
            queue.remove(sequence);
        }
        return DONE;
    }

    @Override
    public synchronized CompletionStage<List<QueuedMessage>> readQueue(String clientId, long afterSequence,
            int limit) {
        List<QueuedMessage> page = new ArrayList<>();
        NavigableMap<Long, QueuedMessage> queue = queues.get(clientId);
        if (queue != null) {
            for (QueuedMessage queued : queue.tailMap(afterSequence, false).values()) {
                if (page.size() == limit) {
                    break;
                }
                page.add(queued);
            }
        }
        return CompletableFuture.completedFuture(page);
    }

    @Override
    public synchronized CompletionStage<Void> addInboundQos2(String clientId, int packetId) {
        inboundQos2.computeIfAbsent(clientId, id -> new HashSet<>()).add(packetId);
        return DONE;
    }

    @Override
    public synchronized CompletionStage<Void> removeInboundQos2(String clientId, int packetId) {
        Set<Integer> ids = inboundQos2.get(clientId);
        if (ids != null) {
            ids.remove(packetId);
        }
        return DONE;
    }

    @Override
    public synchronized CompletionStage<Void> putRetained(Message message) {
        retained.put(message.topic(), message.withRetain(true));
        return DONE;
    }

    @Override
    public synchronized CompletionStage<Void> removeRetained(String topic) {
        retained.remove(topic);
        return DONE;
    }

    @Override
    public synchronized CompletionStage<Void> saveWill(PendingWill will) {
        wills.put(will.clientId(), will);
        return DONE;
    }

    @Override
    public synchronized CompletionStage<Void> deleteWill(String clientId) {
        wills.remove(clientId);
        return DONE;
    }

    @Override
    public CompletionStage<Void> flush() {
        return DONE;
    }

    @Override
    public synchronized List<String> check() {
        List<String> problems = new ArrayList<>();
        orphans("subscription", subscriptions.keySet(), problems);
        orphans("inbound QoS 2 packet id", inboundQos2.keySet(), problems);
        orphans("queued message", queues.keySet(), problems);
        orphans("will", wills.keySet(), problems);
        return problems;
    }

    private void orphans(String what, Set<String> owners, List<String> problems) {
        for (String clientId : owners) {
            if (!sessions.containsKey(clientId)) {
                problems.add(what + " of a missing session: " + clientId);
            }
        }
    }

    @Override
    public String describe() {
        return "memory";
    }

    @Override
    public void close() {
        // Nothing to release: the maps go with the store.
    }
}
