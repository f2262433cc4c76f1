package io.petrel.api.store;

import io.petrel.api.Message;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The broker's durable state. Writes are asynchronous: each returns a stage that completes once the write is
 * committed, and implementations batch writes that arrive together into one commit (group commit). All writes
 * and queue reads are applied in the order they were made, so that a read sees every write made before it. The
 * engine acknowledges to clients only after the stages it depends on complete, so nothing acknowledged is lost
 * when the process dies.
 *
 * <p>Stages complete on the store's own thread or, for a store with nothing to wait for, before the call
 * returns; a caller that must act on a particular thread hands the result over itself. A write that cannot be
 * committed completes its stage exceptionally with a {@link StoreException}; the others in its batch are not
 * affected.
 *
 * <p>Loading ({@code load...}) is meant for startup, before the broker accepts clients, and blocks.
 *
 * <p>Implementations must be safe for calls from many threads.
 */
public interface BrokerStore extends AutoCloseable {

    /** Streams every stored session, with its subscriptions, pending inbound QoS 2 packet ids and queue size. */
    void loadSessions(Consumer<StoredSession> sink);

    /** Streams every retained message. */
    void loadRetained(Consumer<Message> sink);

    /** Streams every pending will. */
    void loadWills(Consumer<PendingWill> sink);

    /**
     * The highest message id of any stored queued message, or 0. Message ids handed to {@link #enqueue} must
     * be greater than this, or name the same message as before.
     */
    long lastMessageId();

    /** Creates or updates a session's record: its expiry interval and when it disconnected (-1: connected). */
    CompletionStage<Void> saveSession(String clientId, long expiryIntervalSeconds, long disconnectedAtMillis);

    /** Deletes a session and everything that belongs to it: subscriptions, queue, inbound QoS 2 state, will. */
    CompletionStage<Void> deleteSession(String clientId);

    /** Adds or replaces a subscription of a session. */
    CompletionStage<Void> saveSubscription(String clientId, StoredSubscription subscription);

    /** Removes a subscription of a session. */
    CompletionStage<Void> deleteSubscription(String clientId, String filter);

    /**
     * Appends a message to a session's queue. Copies of one message for many sessions carry the same {@link
     * QueuedMessage#messageId()}, and the store keeps their body once.
     */
    CompletionStage<Void> enqueue(String clientId, QueuedMessage message);

    /** Records that a queued message was sent or released, with its packet id. */
    CompletionStage<Void> updateDelivery(String clientId, long sequence, int packetId, DeliveryStage stage);

    /**
     * Removes a message from a session's queue: it was delivered, expired or dropped.
     *
     * @param messageId the message's id, which lets the store drop a body no queue needs any more
     */
    CompletionStage<Void> removeDelivery(String clientId, long sequence, long messageId);

    /**
     * Reads a page of a session's queue in sequence order, starting after a sequence number: in-flight
     * messages come back with their packet ids and stages. The page reflects every write made before the
     * call.
     */
    CompletionStage<List<QueuedMessage>> readQueue(String clientId, long afterSequence, int limit);

    /** Records an inbound QoS 2 packet id before its PUBREC is sent. */
    CompletionStage<Void> addInboundQos2(String clientId, int packetId);

    /** Forgets an inbound QoS 2 packet id after its PUBREL. */
    CompletionStage<Void> removeInboundQos2(String clientId, int packetId);

    /** Stores a retained message, replacing the one on its topic. */
    CompletionStage<Void> putRetained(Message message);

    /** Removes the retained message of a topic. */
    CompletionStage<Void> removeRetained(String topic);

    /** Stores a session's pending will, replacing any earlier one. */
    CompletionStage<Void> saveWill(PendingWill will);

    /** Removes a session's pending will. */
    CompletionStage<Void> deleteWill(String clientId);

    /** A stage that completes once every write made before it is committed. */
    CompletionStage<Void> flush();

    /**
     * Verifies the store: the storage engine's own integrity check where it has one, and Petrel's invariants
     * (no queued message, subscription or will without its session, no queued message without its body, no
     * two in-flight messages of a session under one packet id). Runs against a consistent snapshot.
     *
     * @return the problems found, each as one human-readable line; empty when the store is sound
     */
    List<String> check();

    /** Where the store keeps its data, for messages and logs: a file, a database URL without credentials. */
    String describe();

    /** Commits what is pending and releases the store's resources. */
    @Override
    void close();
}
