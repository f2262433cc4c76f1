package io.petrel.engine.session;

import io.petrel.api.Message;
import io.petrel.api.QoS;
import io.petrel.api.store.BrokerStore;
import io.petrel.api.store.PendingWill;
import io.petrel.api.store.StoredSession;
import io.petrel.api.store.StoredSubscription;
import io.petrel.api.topic.TopicFilter;
import io.petrel.engine.loop.Cancellable;
import io.petrel.engine.loop.Loop;
import io.petrel.engine.metrics.DropReason;
import io.petrel.engine.topic.RetainHandling;
import io.petrel.engine.topic.Subscription;
import io.petrel.engine.topic.SubscriptionOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * One client's session: its subscriptions, the QoS 1 and 2 messages in flight both ways, its queue, its will
 * and its expiry. A session outlives its connections when the client asks for a persistent session. What is
 * sent to the client, and when, is the {@link Outbox}'s business.
 *
 * <p>Threading: a session is owned by one loop at a time, the loop of its current connection, and every
 * change to it runs there. {@link #run} sends work to the owner; work that reaches a former owner is passed
 * on. The methods the transport calls (deliveries aside) must be called on the owner, which is the
 * connection's loop as long as {@link #isCurrent} holds.
 *
 * <p>Durability: when the engine has a store and the session outlives its connection (expiry above 0), the
 * session is persistent. Its record, subscriptions, inbound QoS 2 ids and every QoS 1 and 2 message routed to
 * it are written to the store ({@link StoredQueue}); the CONNACK waits for the session's record, and the
 * publisher's acknowledgement for the messages.
 *
 * <p>Flow control: the session counts the messages routed to it and not yet sent in its {@link Backlog}. A
 * publisher that routes a message to a connected session whose backlog is at the high-water mark waits until it
 * falls below the low-water mark ({@link #waitFor}): its connection's {@link Intake} closes. QoS 1 and 2 messages
 * are therefore not dropped while their subscriber takes them, however fast publishers are; only a subscriber
 * that takes nothing for the slow-consumer timeout stops holding publishers back, and sheds.
 */
public final class Session {
    /** A completed stage: nothing to wait for. */
    public static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final String clientId;
    private final SessionContext context;
    private final SessionRegistry registry;
    private volatile Loop owner;
    private volatile @Nullable ClientConnection connection;

    private boolean fresh = true;
    private boolean ended;
    private int generation;
    private long expiryIntervalSeconds;
    /** By filter; an empty map until the first subscription, since many clients only publish. */
    private Map<String, Subscription<Session>> subscriptions = Map.of();
    private final Outbox outbox;
    /** Inbound QoS 2 packet ids awaiting PUBREL; empty until the first arrives. */
    private Set<Integer> inboundQos2 = Set.of();
    private @Nullable Will will;
    private @Nullable Will pendingWill;
    private @Nullable Cancellable willTimer;
    private @Nullable Cancellable expiryTimer;
    private volatile @Nullable StoredQueue storedQueue;
    private long lastSequence;
    private CompletableFuture<Void> lastWrite = DONE;
    private final Backlog backlog = new Backlog();
    /** Messages that arrived from publishers and are not yet accounted for in the backlog. */
    private int arrivals;
    private @Nullable Waiting waiting;
    private Intake intake = Intake.OPEN;
    /** Whether anything routed here is unsent or unacknowledged, which the client's acknowledgements drain. */
    private boolean owes;

    Session(String clientId, Loop owner, SessionContext context, SessionRegistry registry) {
        this.clientId = clientId;
        this.owner = owner;
        this.context = context;
        this.registry = registry;
        this.outbox = new Outbox(context, clientId, this::runLater, this::settle);
    }

    /** The client id that names this session. */
    public String clientId() {
        return clientId;
    }

    /** Runs a task on the loop that owns this session, at once if the caller is already there. */
    public void run(Runnable task) {
        Loop current = owner;
        if (current.inLoop()) {
            task.run();
        } else {
            current.execute(() -> run(task));
        }
    }

    /**
     * Runs a task on the owner in a later turn of its loop, never inside the caller. Store results come back
     * this way: a write may be complete when its stage is returned, and its callback, run at once, would
     * re-enter the change that made the write.
     */
    private void runLater(Runnable task) {
        owner.execute(() -> run(task));
    }

    /** Whether a client is connected. Safe to read from any thread; the answer may be stale. */
    public boolean isOnline() {
        return connection != null;
    }

    /**
     * Whether a connection is this session's current one and the caller runs on its owner. A connection that
     * was taken over is no longer current, and what it still sends is ignored.
     */
    public boolean isCurrent(ClientConnection candidate) {
        return connection == candidate && owner.inLoop();
    }

    void attach(ConnectRequest request, ClientConnection conn, CompletableFuture<ConnectOutcome> result) {
        if (ended) {
            registry.connect(request, conn, result);
            return;
        }
        List<Will> willsToPublish = new ArrayList<>(2);
        ClientConnection previous = connection;
        // A session that lasts only as long as its connection ends when a takeover closes that connection, so the
        // new connection starts a fresh one: MQTT 3.1.1 [MQTT-3.1.2-6] for clean session 1, MQTT 5
        // [MQTT-3.1.2-23] for an expiry interval of 0.
        boolean endsWithPrevious = previous != null && expiryIntervalSeconds == 0;
        if (previous != null) {
            connection = null;
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
            } else if (storedQueue != null) {
                storedQueue.store().deleteWill(clientId);
            }
            pendingWill = null;
        }
        // [MQTT-3.2.2-2] [MQTT-3.2.2-3] session present only when an existing session is resumed.
        boolean present = !request.cleanStart() && !fresh && !endsWithPrevious;
        if (request.cleanStart() || endsWithPrevious) {
            // The old session ends here, as it would on a close: share-group messages go to another member.
            outbox.handBackShared(this);
            discardState();
        }
        fresh = false;
        generation++;
        expiryIntervalSeconds = request.sessionExpirySeconds();
        will = request.will();
        outbox.stop();
        stopWaiting();
        intake = Intake.OPEN;
        connection = conn;
        context.metrics().clientConnected();
        owner = conn.loop();
        for (Will w : willsToPublish) {
            publishWill(w);
        }
        settle();
        ConnectOutcome outcome = new ConnectOutcome(this, present);
        // The CONNACK of a persistent session promises that the session exists: it waits for the commit.
        persistConnect().whenComplete((ok, failure) -> {
            if (failure != null) {
                result.completeExceptionally(failure);
            } else {
                result.complete(outcome);
            }
        });
    }

    /**
     * Writes the session's record as connected; the first time it becomes persistent, its state with it. A
     * persistent session resumed with expiry 0 stays in the store for this connection, so that its stored queue
     * is still delivered; its record says 0, so that after a crash it ends at once.
     */
    private CompletableFuture<Void> persistConnect() {
        BrokerStore store = context.store();
        StoredQueue queue = storedQueue;
        if (store == null || (queue == null && expiryIntervalSeconds == 0)) {
            return DONE;
        }
        lastWrite = store.saveSession(clientId, expiryIntervalSeconds, -1).toCompletableFuture();
        if (queue == null) {
            useStore(new StoredQueue(clientId, store, lastSequence, 0));
            for (Subscription<Session> subscription : subscriptions.values()) {
                lastWrite = store.saveSubscription(clientId, stored(subscription)).toCompletableFuture();
            }
            for (int packetId : inboundQos2) {
                lastWrite = store.addInboundQos2(clientId, packetId).toCompletableFuture();
            }
        }
        return lastWrite;
    }

    private void useStore(@Nullable StoredQueue queue) {
        storedQueue = queue;
        outbox.useStore(queue);
    }

    /**
     * Rebuilds a persistent session from the store at startup, offline. Its expiry keeps counting from when
     * its client disconnected; a session whose client was connected when the server stopped counts from
     * {@code startedMillis}.
     */
    void restore(StoredSession stored, BrokerStore store, long startedMillis) {
        fresh = false;
        expiryIntervalSeconds = stored.expiryIntervalSeconds();
        for (StoredSubscription sub : stored.subscriptions()) {
            subscribe(TopicFilter.parse(sub.filter()), new SubscriptionOptions(QoS.of(sub.qos()), sub.noLocal(),
                    sub.retainAsPublished(), RetainHandling.of(sub.retainHandling())), sub.subscriptionId());
        }
        for (int packetId : stored.inboundQos2()) {
            inboundQos2().add(packetId);
        }
        lastSequence = stored.lastSequence();
        useStore(new StoredQueue(clientId, store, stored.lastSequence(), stored.queued()));
        long disconnectedAt = stored.disconnectedAtMillis() < 0 ? startedMillis : stored.disconnectedAtMillis();
        long elapsed = Math.max(0, context.clock().millis() - disconnectedAt);
        scheduleExpiry(Math.max(0, expiryIntervalSeconds * 1000 - elapsed));
        settle();
    }

    /** Restores a will that was waiting for its delay when the server stopped; at startup, on the owner. */
    public void restoreWill(Message message, long publishAtMillis) {
        Will restored = new Will(message, 0, -1);
        pendingWill = restored;
        int scheduledIn = generation;
        long delay = Math.max(0, publishAtMillis - context.clock().millis());
        willTimer = owner.schedule(() -> run(() -> {
            if (scheduledIn == generation && pendingWill == restored) {
                pendingWill = null;
                publishWill(restored);
            }
        }), delay, TimeUnit.MILLISECONDS);
    }

    /**
     * Hands a routed message to this session on its loop. A persistent session first stores it, if it must
     * survive a crash: QoS 1 and 2, and QoS 0 for an offline session that queues it. Runs on the publisher's
     * thread.
     *
     * @param messageIds gives the message's id in the store, the same for all of its copies; asked only if
     *     the message is stored
     * @return the stage of the store write, or null if nothing was stored
     */
    public @Nullable CompletableFuture<Void> route(Delivery delivery, LongSupplier messageIds) {
        DropReason refused = admit(delivery.qos());
        if (refused != null) {
            context.metrics().dropped(refused);
            return null;
        }
        backlog.arrive();
        StoredQueue queue = storedQueue;
        if (queue == null || (delivery.qos() == QoS.AT_MOST_ONCE
                && (isOnline() || !context.config().queueQos0Offline()))) {
            run(new Arrival(this, delivery, 0, 0));
            return null;
        }
        long messageId = messageIds.getAsLong();
        return queue.enqueue(delivery, messageId, sequence -> run(new Arrival(this, delivery, sequence, messageId)));
    }

    /**
     * Decides on the publisher's thread whether this session can take one more message, so that what it
     * cannot take never travels to its loop: the backlog stays within the queue bound, and QoS 0 stays within
     * half of it when nobody waits for the session to drain (offline, or shedding).
     *
     * @return why the message is dropped, or null if it is taken
     */
    private @Nullable DropReason admit(QoS qos) {
        SessionConfig config = context.config();
        boolean online = isOnline();
        int count = backlog.count();
        if (qos == QoS.AT_MOST_ONCE) {
            if (!online && !config.queueQos0Offline()) {
                return DropReason.QOS0_OFFLINE;
            }
            if (count >= config.highWater() && (!online || backlog.shedding())) {
                return online ? DropReason.SLOW_CONSUMER : DropReason.QUEUE_FULL;
            }
        }
        int limit = online ? Math.max(1, config.maxQueued()) : config.maxQueued();
        if (count >= limit) {
            return qos == QoS.AT_MOST_ONCE && online ? DropReason.SLOW_CONSUMER : DropReason.QUEUE_FULL;
        }
        return null;
    }

    /**
     * Whether a publisher that just routed a message here must wait: the session is connected, its backlog is
     * at the high-water mark, and it is not shedding. Any thread.
     */
    public boolean holdsBack() {
        return connection != null && !backlog.shedding() && backlog.count() >= context.config().highWater();
    }

    /**
     * Makes this session's publisher wait for {@code target}, which {@link #holdsBack}: its connection stops
     * taking packets until the target's backlog falls below the low-water mark, or until the slow-consumer
     * timeout makes the target shed. Runs on this session's owner, where its client's PUBLISH is handled; a
     * session without a connection (publishing its will) never waits.
     */
    public void waitFor(Session target) {
        if (connection == null || !owner.inLoop()) {
            return;
        }
        Waiting w = waiting;
        if (w == null) {
            w = new Waiting();
            waiting = w;
        }
        if (w.contains(target.backlog) || !target.backlog.addWaiter(this, context.config())) {
            return;
        }
        if (w.add(target.backlog, context.clock().millis())) {
            context.metrics().publisherPaused();
            scheduleStallCheck(w, context.config().slowConsumerMillis());
            updateIntake();
        }
    }

    /**
     * A backlog this session's publisher waits for fell, or stopped holding it back. Any thread. Always a task
     * of its own, even on the owner: the backlog's owner may be in the middle of its own work, and the
     * publisher goes on with the packets it held.
     */
    void released(Backlog from) {
        owner.execute(() -> run(() -> {
            Waiting w = waiting;
            if (w != null && w.remove(from)) {
                updateIntake();
            }
        }));
    }

    private void scheduleStallCheck(Waiting w, long delayMillis) {
        if (w.checkScheduled) {
            return;
        }
        w.checkScheduled = true;
        owner.schedule(() -> run(() -> checkStall(w)), delayMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * The publisher has waited for the slow-consumer timeout: the sessions it still waits for took nothing
     * meanwhile (each wakes its publishers whenever it drains), so they shed from now on and it goes on.
     */
    private void checkStall(Waiting w) {
        w.checkScheduled = false;
        if (w != waiting || w.isEmpty()) {
            return;
        }
        long timeout = context.config().slowConsumerMillis();
        long waited = w.waitedMillis(context.clock().millis());
        if (waited < timeout) {
            scheduleStallCheck(w, timeout - waited);
            return;
        }
        int stalled = w.shedAll();
        for (int i = 0; i < stalled; i++) {
            context.metrics().slowConsumer();
        }
        updateIntake();
    }

    private void stopWaiting() {
        Waiting w = waiting;
        if (w != null) {
            w.clear();
        }
    }

    /** Tells the connection what it may read, when that changed. Must run on the owner. */
    private void updateIntake() {
        ClientConnection conn = connection;
        if (conn == null) {
            return;
        }
        Waiting w = waiting;
        // A publisher stops reading only while its own session owes its client nothing: publishers that wait
        // for this session always find its client's acknowledgements read, so no wait is ever circular.
        Intake wanted = w == null || w.isEmpty() ? Intake.OPEN : owes ? Intake.ACKS_ONLY : Intake.PAUSED;
        if (wanted != intake) {
            intake = wanted;
            conn.intake(wanted);
        }
    }

    /** A routed message reached the owner. */
    void arrived(Arrival arrival) {
        if (!owner.inLoop()) {
            // The session moved to another loop while the message was on its way.
            owner.execute(arrival);
            return;
        }
        arrivals++;
        deliverNow(arrival.delivery(), arrival.sequence(), arrival.messageId());
        settle();
    }

    /**
     * Brings the backlog up to date after messages arrived or left, and the connection's intake with it. Must
     * run on the owner.
     */
    void settle() {
        int arrived = arrivals;
        arrivals = 0;
        int count = backlog.settle(arrived, outbox.held(), context.config());
        boolean owing = count > 0 || outbox.inflightCount() > 0;
        if (owing != owes) {
            owes = owing;
            updateIntake();
        }
    }

    /** Whether this session keeps its state in the store. Any thread; the answer may be stale. */
    public boolean isPersistent() {
        return storedQueue != null;
    }

    /**
     * The stage of the last write this session made, such as an inbound QoS 2 packet id: an acknowledgement
     * that depends on it waits for it. Must run on the owner.
     */
    public CompletableFuture<Void> lastWrite() {
        return lastWrite;
    }

    /**
     * Starts delivery on a newly attached connection, once the transport has sent its CONNACK; see
     * {@link Outbox#start}.
     */
    public void resume(ClientConnection conn) {
        if (connection == conn) {
            outbox.start(conn);
            settle();
        }
    }

    /** Delivers a message to this session's client, or queues it. Must run on the owner: see {@link #run}. */
    public void deliver(Delivery delivery) {
        deliverNow(delivery, 0, 0);
        settle();
    }

    /** Delivers a message that {@link #route} stored under a sequence number, or that is not stored (0). */
    private void deliverNow(Delivery delivery, long sequence, long messageId) {
        Pending pending = new Pending(delivery, sequence, messageId);
        if (pending.isStored() && (ended || storedQueue == null)) {
            // The session ended or stopped being persistent while the message was on its way.
            BrokerStore store = context.store();
            if (store != null) {
                store.removeDelivery(clientId, sequence, messageId);
            }
            pending = Pending.inMemory(delivery);
        }
        if (ended) {
            context.metrics().dropped(DropReason.SESSION_ENDED);
            return;
        }
        outbox.deliver(pending, connection != null);
    }

    /** The connection can take more bytes again: sends what waited for it. */
    public void writable(ClientConnection conn) {
        if (connection == conn) {
            outbox.writable();
            settle();
        }
    }

    /** The client acknowledged a QoS 1 message with PUBACK. */
    public void acknowledge(int packetId) {
        outbox.acknowledge(packetId);
        settle();
    }

    /**
     * The client answered a QoS 2 message with PUBREC. On success the session sends PUBREL; a PUBREC with an
     * error reason code ends the exchange.
     *
     * @return false if no QoS 2 message is in flight under this packet id
     */
    public boolean received(int packetId, boolean accepted) {
        boolean known = outbox.received(packetId, accepted);
        settle();
        return known;
    }

    /** The client completed a QoS 2 message with PUBCOMP. */
    public void completed(int packetId) {
        outbox.completed(packetId);
        settle();
    }

    /**
     * Records an inbound QoS 2 PUBLISH.
     *
     * @return true the first time a packet id arrives; false for a resend, which must not be forwarded again
     */
    public boolean qos2Arrived(int packetId) {
        if (!inboundQos2().add(packetId)) {
            return false;
        }
        StoredQueue queue = storedQueue;
        if (queue != null) {
            // The PUBREC waits for this: after a crash, the resent PUBLISH must still be known as a resend.
            lastWrite = queue.store().addInboundQos2(clientId, packetId).toCompletableFuture();
        }
        return true;
    }

    /**
     * Releases an inbound QoS 2 packet id on PUBREL.
     *
     * @return false if the packet id was not pending
     */
    public boolean qos2Released(int packetId) {
        if (inboundQos2.isEmpty() || !inboundQos2.remove(packetId)) {
            return false;
        }
        StoredQueue queue = storedQueue;
        if (queue != null) {
            lastWrite = queue.store().removeInboundQos2(clientId, packetId).toCompletableFuture();
        }
        return true;
    }

    private Set<Integer> inboundQos2() {
        if (inboundQos2.isEmpty()) {
            inboundQos2 = new HashSet<>(4);
        }
        return inboundQos2;
    }

    /** How many inbound QoS 2 messages wait for their PUBREL. */
    public int qos2Pending() {
        return inboundQos2.size();
    }

    /**
     * Adds or replaces a subscription.
     *
     * @return whether a subscription to the same filter already existed
     */
    public boolean subscribe(TopicFilter filter, SubscriptionOptions options, int subscriptionId) {
        Subscription<Session> subscription = new Subscription<>(this, filter, options, subscriptionId);
        boolean existed = context.subscriptions().subscribe(subscription);
        if (subscriptions.isEmpty()) {
            subscriptions = new HashMap<>(4);
        }
        subscriptions.put(filter.raw(), subscription);
        StoredQueue queue = storedQueue;
        if (queue != null) {
            lastWrite = queue.store().saveSubscription(clientId, stored(subscription)).toCompletableFuture();
        }
        return existed;
    }

    private static StoredSubscription stored(Subscription<Session> subscription) {
        SubscriptionOptions options = subscription.options();
        return new StoredSubscription(subscription.filter().raw(), options.qos().value(), options.noLocal(),
                options.retainAsPublished(), options.retainHandling().ordinal(), subscription.subscriptionId());
    }

    /**
     * Sends the retained messages a new subscription asks for, after the SUBACK. Retain handling decides
     * [MQTT-3.3.1-9] [MQTT-3.3.1-10] [MQTT-3.3.1-11]; a shared subscription gets none, since MQTT 5 §3.3.1.3
     * sends retained messages only for a new non-shared subscription.
     */
    public void sendRetained(TopicFilter filter, boolean existed) {
        Subscription<Session> subscription = subscriptions.get(filter.raw());
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
                deliver(new Delivery(message, QoS.min(message.qos(), granted), true, ids, null, null));
            }
        });
        expired.forEach(context.retained()::removeExpired);
    }

    /**
     * Removes a subscription.
     *
     * @return whether it existed
     */
    public boolean unsubscribe(TopicFilter filter) {
        Subscription<Session> removed = subscriptions.isEmpty() ? null : subscriptions.remove(filter.raw());
        StoredQueue queue = storedQueue;
        if (removed != null && queue != null) {
            lastWrite = queue.store().deleteSubscription(clientId, filter.raw()).toCompletableFuture();
        }
        return removed != null && context.subscriptions().unsubscribe(this, filter);
    }

    /** Whether the session holds a subscription to exactly this filter (and share group). */
    public boolean hasSubscription(TopicFilter filter) {
        return subscriptions.containsKey(filter.raw());
    }

    /** The number of this session's subscriptions. */
    public int subscriptionCount() {
        return subscriptions.size();
    }

    /**
     * Detaches the current connection when it ends.
     *
     * @param publishWill whether the will is due: every end but a DISCONNECT with reason 0x00 [MQTT-3.1.2-8],
     *     which discards it [MQTT-3.14.4-3]
     * @param newExpirySeconds a session expiry interval the client set in its DISCONNECT, or -1
     */
    public void detach(ClientConnection conn, boolean publishWill, long newExpirySeconds) {
        if (connection != conn) {
            return;
        }
        connection = null;
        outbox.stop();
        stopWaiting();
        context.metrics().clientDisconnected();
        if (newExpirySeconds >= 0) {
            expiryIntervalSeconds = newExpirySeconds;
        }
        Will due = publishWill ? will : null;
        will = null;
        outbox.handBackShared(this);
        // Publishers never wait for a session without a client.
        backlog.wakeAll();
        if (expiryIntervalSeconds == 0) {
            pendingWill = due;
            end();
            return;
        }
        StoredQueue queue = storedQueue;
        if (queue != null) {
            long now = context.clock().millis();
            queue.store().saveSession(clientId, expiryIntervalSeconds, now);
            // The store holds every stored message: an offline session keeps none of them on the heap.
            outbox.dropStored();
            queue.releaseMemory();
            if (due != null && due.delaySeconds() > 0) {
                long publishAt = now + due.delaySeconds() * 1000;
                queue.store().saveWill(new PendingWill(clientId, due.messageAt(publishAt), publishAt));
            }
        }
        if (due != null && due.delaySeconds() == 0) {
            publishWill(due);
        } else if (due != null) {
            scheduleWill(due);
        }
        scheduleExpiry(expiryIntervalSeconds * 1000);
        settle();
    }

    /** Ends the connection from the server side; the transport then detaches it. */
    public void disconnect(DisconnectCause cause) {
        run(() -> {
            ClientConnection conn = connection;
            if (conn != null) {
                conn.close(cause);
            }
        });
    }

    private void scheduleWill(Will due) {
        pendingWill = due;
        int scheduledIn = generation;
        willTimer = owner.schedule(() -> run(() -> {
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
        expiryTimer = owner.schedule(() -> run(() -> {
            if (scheduledIn == generation && connection == null && !ended) {
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
        registry.remove(clientId, this);
        outbox.handBackShared(this);
        discardState();
        settle();
        Will due = pendingWill;
        pendingWill = null;
        if (due != null) {
            publishWill(due);
        }
    }

    private void publishWill(Will due) {
        StoredQueue queue = storedQueue;
        if (queue != null) {
            queue.store().deleteWill(clientId);
        }
        context.sink().publish(due.messageAt(context.clock().millis()), this);
    }

    private void discardState() {
        for (Subscription<Session> subscription : subscriptions.values()) {
            context.subscriptions().unsubscribe(this, subscription.filter());
        }
        subscriptions = Map.of();
        outbox.discard();
        StoredQueue queue = storedQueue;
        BrokerStore store = context.store();
        if (queue != null && store != null) {
            for (int i = 0; i < queue.backlog(); i++) {
                context.metrics().dropped(DropReason.SESSION_ENDED);
            }
            // Later sequence numbers continue the old ones, so that none is reused.
            lastSequence = Math.max(lastSequence, queue.lastSequence());
            useStore(null);
            lastWrite = store.deleteSession(clientId).toCompletableFuture();
        }
        inboundQos2 = Set.of();
    }

    /** Messages waiting in the queue; for $SYS and tests. Must run on the owner. */
    public int queuedCount() {
        return outbox.queuedCount();
    }

    /** Messages in flight to the client; for tests. Must run on the owner. */
    public int inflightCount() {
        return outbox.inflightCount();
    }

    @Override
    public String toString() {
        return "Session[" + clientId + "]";
    }
}
