package io.petrel.engine.session;

import io.petrel.api.Message;
import io.petrel.api.QoS;
import io.petrel.api.store.BrokerStore;
import io.petrel.api.store.StoredSession;
import io.petrel.api.store.StoredSubscription;
import io.petrel.api.topic.TopicFilter;
import io.petrel.engine.loop.Loop;
import io.petrel.engine.topic.RetainHandling;
import io.petrel.engine.topic.SubscriptionOptions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * One client's session: its subscriptions, the QoS 1 and 2 messages in flight both ways, its queue, its will
 * and its expiry. A session outlives its connections when the client asks for a persistent session. What is
 * sent to the client, and when, is the {@link Outbox}'s business; attaching, detaching, the will and expiry are
 * the {@link SessionLifecycle}'s, and routed messages come in through {@link Arrivals}.
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
 * <p>Flow control: a publisher that routes messages to a connected session faster than its client takes them
 * waits for it; see {@link FlowControl}.
 */
public final class Session {
    /** A completed stage: nothing to wait for. */
    public static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final String clientId;
    private final SessionContext context;
    private final SessionRegistry registry;
    private volatile Loop owner;
    private volatile @Nullable ClientConnection connection;

    /** Null until the first subscription, since many clients only publish. */
    private @Nullable SessionSubscriptions subscriptions;
    private final Outbox outbox;
    private final SessionPersistence persistence;
    private final SessionLifecycle lifecycle;
    /** Null until the first inbound QoS 2 message. */
    private @Nullable InboundQos2 inboundQos2;
    private final FlowControl flow;
    private final Arrivals arrivals;

    Session(String clientId, Loop owner, SessionContext context, SessionRegistry registry) {
        this.clientId = clientId;
        this.owner = owner;
        this.context = context;
        this.registry = registry;
        this.outbox = new Outbox(context, clientId, this::runLater, this::settle);
        this.persistence = new SessionPersistence(clientId, context, outbox);
        this.flow = new FlowControl(this, context, outbox);
        this.lifecycle = new SessionLifecycle(this, context, registry, outbox, flow, persistence);
        this.arrivals = new Arrivals(this, context, lifecycle, flow, persistence, outbox);
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

    /** The loop that owns this session now. */
    Loop owner() {
        return owner;
    }

    /**
     * Runs a task on the owner in a later turn of its loop, never inside the caller. Store results come back
     * this way: a write may be complete when its stage is returned, and its callback, run at once, would
     * re-enter the change that made the write.
     */
    private void runLater(Runnable task) {
        owner.execute(() -> run(task));
    }

    /** The current connection, or null. Any thread; the answer may be stale. */
    @Nullable ClientConnection connection() {
        return connection;
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
        if (lifecycle.isEnded()) {
            registry.connect(request, conn, result);
            return;
        }
        lifecycle.attach(request, conn, result);
    }

    /** Makes a connection the current one, on its loop. */
    void bind(ClientConnection conn) {
        connection = conn;
        context.metrics().clientConnected();
        owner = conn.loop();
    }

    /** Forgets the current connection, which a takeover closes or which ended. */
    void unbind() {
        connection = null;
    }

    /** Writes the session's record as connected; see {@link SessionPersistence#connected}. */
    CompletableFuture<Void> persistConnected(long expiryIntervalSeconds) {
        SessionSubscriptions subs = subscriptions;
        InboundQos2 qos2 = inboundQos2;
        return persistence.connected(expiryIntervalSeconds, subs == null ? List.of() : subs.all(),
                qos2 == null ? Set.of() : qos2.ids());
    }

    /**
     * Rebuilds a persistent session from the store at startup, offline. Its expiry keeps counting from when
     * its client disconnected; a session whose client was connected when the server stopped counts from
     * {@code startedMillis}.
     */
    void restore(StoredSession stored, BrokerStore store, long startedMillis) {
        for (StoredSubscription sub : stored.subscriptions()) {
            subscribe(TopicFilter.parse(sub.filter()), new SubscriptionOptions(QoS.of(sub.qos()), sub.noLocal(),
                    sub.retainAsPublished(), RetainHandling.of(sub.retainHandling())), sub.subscriptionId());
        }
        for (int packetId : stored.inboundQos2()) {
            inboundQos2().restore(packetId);
        }
        persistence.restore(stored, store);
        long disconnectedAt = stored.disconnectedAtMillis() < 0 ? startedMillis : stored.disconnectedAtMillis();
        lifecycle.restored(stored.expiryIntervalSeconds(), disconnectedAt);
        flow.settle();
    }

    /** Restores a will that was waiting for its delay when the server stopped; at startup, on the owner. */
    public void restoreWill(Message message, long publishAtMillis) {
        lifecycle.restoreWill(new Will(message, 0, -1), publishAtMillis);
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
        return arrivals.route(delivery, messageIds);
    }

    /**
     * Whether a publisher that just routed a message here must wait: the session is connected, its backlog is
     * at the high-water mark, and it is not shedding. Any thread.
     */
    public boolean holdsBack() {
        return flow.holdsBack();
    }

    /**
     * Makes this session's publisher wait for {@code target}, which {@link #holdsBack}: its connection stops
     * taking packets until the target's backlog falls below the low-water mark, or until the slow-consumer
     * timeout makes the target shed. Runs on this session's owner, where its client's PUBLISH is handled; a
     * session without a connection (publishing its will) never waits.
     */
    public void waitFor(Session target) {
        flow.waitFor(target.flow);
    }

    /** Brings flow control up to date after work that store results started; see {@link FlowControl#settle}. */
    private void settle() {
        flow.settle();
    }

    /** Whether this session keeps its state in the store. Any thread; the answer may be stale. */
    public boolean isPersistent() {
        return persistence.queue() != null;
    }

    /**
     * The stage of the last write this session made, such as an inbound QoS 2 packet id: an acknowledgement
     * that depends on it waits for it. Must run on the owner.
     */
    public CompletableFuture<Void> lastWrite() {
        return persistence.lastWrite();
    }

    /**
     * Starts delivery on a newly attached connection, once the transport has sent its CONNACK; see
     * {@link Outbox#start}.
     */
    public void resume(ClientConnection conn) {
        if (connection == conn) {
            outbox.start(conn);
            flow.settle();
        }
    }

    /** Delivers a message to this session's client, or queues it. Must run on the owner: see {@link #run}. */
    public void deliver(Delivery delivery) {
        arrivals.deliver(delivery);
    }

    /** The connection can take more bytes again: sends what waited for it. */
    public void writable(ClientConnection conn) {
        if (connection == conn) {
            outbox.writable();
            flow.settle();
        }
    }

    /** The client acknowledged a QoS 1 message with PUBACK. */
    public void acknowledge(int packetId) {
        outbox.acknowledge(packetId);
        flow.settle();
    }

    /**
     * The client answered a QoS 2 message with PUBREC. On success the session sends PUBREL; a PUBREC with an
     * error reason code ends the exchange.
     *
     * @return false if no QoS 2 message is in flight under this packet id
     */
    public boolean received(int packetId, boolean accepted) {
        boolean known = outbox.received(packetId, accepted);
        flow.settle();
        return known;
    }

    /** The client completed a QoS 2 message with PUBCOMP. */
    public void completed(int packetId) {
        outbox.completed(packetId);
        flow.settle();
    }

    /**
     * Records an inbound QoS 2 PUBLISH.
     *
     * @return true the first time a packet id arrives; false for a resend, which must not be forwarded again
     */
    public boolean qos2Arrived(int packetId) {
        return inboundQos2().arrived(packetId);
    }

    /**
     * Releases an inbound QoS 2 packet id on PUBREL.
     *
     * @return false if the packet id was not pending
     */
    public boolean qos2Released(int packetId) {
        InboundQos2 qos2 = inboundQos2;
        return qos2 != null && qos2.released(packetId);
    }

    private InboundQos2 inboundQos2() {
        InboundQos2 qos2 = inboundQos2;
        if (qos2 == null) {
            qos2 = new InboundQos2(persistence);
            inboundQos2 = qos2;
        }
        return qos2;
    }

    /** How many inbound QoS 2 messages wait for their PUBREL. */
    public int qos2Pending() {
        InboundQos2 qos2 = inboundQos2;
        return qos2 == null ? 0 : qos2.size();
    }

    /**
     * Adds or replaces a subscription.
     *
     * @return whether a subscription to the same filter already existed
     */
    public boolean subscribe(TopicFilter filter, SubscriptionOptions options, int subscriptionId) {
        SessionSubscriptions subs = subscriptions;
        if (subs == null) {
            subs = new SessionSubscriptions(this, context, persistence);
            subscriptions = subs;
        }
        return subs.subscribe(filter, options, subscriptionId);
    }

    /**
     * Sends the retained messages a new subscription asks for, after the SUBACK. Retain handling decides
     * [MQTT-3.3.1-9] [MQTT-3.3.1-10] [MQTT-3.3.1-11]; a shared subscription gets none, since MQTT 5 §3.3.1.3
     * sends retained messages only for a new non-shared subscription.
     */
    public void sendRetained(TopicFilter filter, boolean existed) {
        SessionSubscriptions subs = subscriptions;
        if (subs != null) {
            subs.sendRetained(filter, existed);
        }
    }

    /**
     * Removes a subscription.
     *
     * @return whether it existed
     */
    public boolean unsubscribe(TopicFilter filter) {
        SessionSubscriptions subs = subscriptions;
        return subs != null && subs.unsubscribe(filter);
    }

    /** Whether the session holds a subscription to exactly this filter (and share group). */
    public boolean hasSubscription(TopicFilter filter) {
        SessionSubscriptions subs = subscriptions;
        return subs != null && subs.contains(filter);
    }

    /** The number of this session's subscriptions. */
    public int subscriptionCount() {
        SessionSubscriptions subs = subscriptions;
        return subs == null ? 0 : subs.size();
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
        lifecycle.detach(publishWill, newExpirySeconds);
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

    /** Drops the session's state, as it ends or starts afresh. */
    void discardState() {
        SessionSubscriptions subs = subscriptions;
        if (subs != null) {
            subs.discard();
            subscriptions = null;
        }
        outbox.discard();
        persistence.discard();
        inboundQos2 = null;
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
