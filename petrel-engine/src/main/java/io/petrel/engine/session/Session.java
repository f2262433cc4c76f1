package io.petrel.engine.session;

import io.petrel.api.Message;
import io.petrel.api.QoS;
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
 */
public final class Session {
    private final String clientId;
    private final SessionContext context;
    private final SessionRegistry registry;
    private volatile Loop owner;
    private volatile @Nullable ClientConnection connection;

    private boolean fresh = true;
    private boolean ended;
    private int generation;
    private long expiryIntervalSeconds;
    private final Map<String, Subscription<Session>> subscriptions = new HashMap<>();
    private final Outbox outbox;
    private final Set<Integer> inboundQos2 = new HashSet<>();
    private @Nullable Will will;
    private @Nullable Will pendingWill;
    private @Nullable Cancellable willTimer;
    private @Nullable Cancellable expiryTimer;

    Session(String clientId, Loop owner, SessionContext context, SessionRegistry registry) {
        this.clientId = clientId;
        this.owner = owner;
        this.context = context;
        this.registry = registry;
        this.outbox = new Outbox(context);
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
        connection = conn;
        context.metrics().clientConnected();
        owner = conn.loop();
        for (Will w : willsToPublish) {
            publishWill(w);
        }
        result.complete(new ConnectOutcome(this, present));
    }

    /**
     * Starts delivery on a newly attached connection, once the transport has sent its CONNACK; see
     * {@link Outbox#start}.
     */
    public void resume(ClientConnection conn) {
        if (connection == conn) {
            outbox.start(conn);
        }
    }

    /** Delivers a message to this session's client, or queues it. Must run on the owner: see {@link #run}. */
    public void deliver(Delivery delivery) {
        if (ended) {
            context.metrics().dropped(DropReason.SESSION_ENDED);
            return;
        }
        outbox.deliver(delivery, connection != null);
    }

    /** The connection can take more bytes again: sends what waited for it. */
    public void writable(ClientConnection conn) {
        if (connection == conn) {
            outbox.writable();
        }
    }

    /** The client acknowledged a QoS 1 message with PUBACK. */
    public void acknowledge(int packetId) {
        outbox.acknowledge(packetId);
    }

    /**
     * The client answered a QoS 2 message with PUBREC. On success the session sends PUBREL; a PUBREC with an
     * error reason code ends the exchange.
     *
     * @return false if no QoS 2 message is in flight under this packet id
     */
    public boolean received(int packetId, boolean accepted) {
        return outbox.received(packetId, accepted);
    }

    /** The client completed a QoS 2 message with PUBCOMP. */
    public void completed(int packetId) {
        outbox.completed(packetId);
    }

    /**
     * Records an inbound QoS 2 PUBLISH.
     *
     * @return true the first time a packet id arrives; false for a resend, which must not be forwarded again
     */
    public boolean qos2Arrived(int packetId) {
        return inboundQos2.add(packetId);
    }

    /**
     * Releases an inbound QoS 2 packet id on PUBREL.
     *
     * @return false if the packet id was not pending
     */
    public boolean qos2Released(int packetId) {
        return inboundQos2.remove(packetId);
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
        subscriptions.put(filter.raw(), subscription);
        return existed;
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
        Subscription<Session> removed = subscriptions.remove(filter.raw());
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
        context.metrics().clientDisconnected();
        if (newExpirySeconds >= 0) {
            expiryIntervalSeconds = newExpirySeconds;
        }
        Will due = publishWill ? will : null;
        will = null;
        outbox.handBackShared(this);
        if (expiryIntervalSeconds == 0) {
            pendingWill = due;
            end();
            return;
        }
        if (due != null && due.delaySeconds() == 0) {
            publishWill(due);
        } else if (due != null) {
            scheduleWill(due);
        }
        scheduleExpiry();
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

    private void scheduleExpiry() {
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
        }), expiryIntervalSeconds, TimeUnit.SECONDS);
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
        Will due = pendingWill;
        pendingWill = null;
        if (due != null) {
            publishWill(due);
        }
    }

    private void publishWill(Will due) {
        context.sink().publish(due.messageAt(context.clock().millis()), this);
    }

    private void discardState() {
        for (Subscription<Session> subscription : subscriptions.values()) {
            context.subscriptions().unsubscribe(this, subscription.filter());
        }
        subscriptions.clear();
        outbox.discard();
        inboundQos2.clear();
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
