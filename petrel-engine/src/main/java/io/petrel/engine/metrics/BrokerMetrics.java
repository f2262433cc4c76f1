package io.petrel.engine.metrics;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The broker's counters. They are updated on the hot path from many threads, so each is a {@link LongAdder}
 * and reading one is approximate while it changes.
 */
public final class BrokerMetrics {
    private final LongAdder packetsReceived = new LongAdder();
    private final LongAdder packetsSent = new LongAdder();
    private final LongAdder bytesReceived = new LongAdder();
    private final LongAdder bytesSent = new LongAdder();
    private final LongAdder publishReceived = new LongAdder();
    private final LongAdder publishSent = new LongAdder();
    private final LongAdder connectionsAccepted = new LongAdder();
    private final AtomicLong clientsConnected = new AtomicLong();
    private final AtomicLong clientsMaximum = new AtomicLong();
    private final LongAdder sessionsExpired = new LongAdder();
    private final LongAdder publishBytesReceived = new LongAdder();
    private final LongAdder publishBytesSent = new LongAdder();
    private final LongAdder queuedMessages = new LongAdder();
    private final LongAdder inflightMessages = new LongAdder();
    private final LongAdder publishersPaused = new LongAdder();
    private final LongAdder slowConsumers = new LongAdder();
    private final Map<DropReason, LongAdder> drops = new EnumMap<>(DropReason.class);
    private final ConcurrentHashMap<String, LongAdder> closeReasons = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LongAdder> refusals = new ConcurrentHashMap<>();

    public BrokerMetrics() {
        for (DropReason reason : DropReason.values()) {
            drops.put(reason, new LongAdder());
        }
    }

    /** Counts one MQTT packet received. */
    public void packetReceived() {
        packetsReceived.increment();
    }

    /** Counts bytes read from clients. */
    public void bytesReceived(int bytes) {
        bytesReceived.add(bytes);
    }

    /** Counts bytes written to clients. */
    public void bytesSent(int bytes) {
        bytesSent.add(bytes);
    }

    /** Counts one MQTT packet sent. */
    public void packetSent() {
        packetsSent.increment();
    }

    /** Counts one PUBLISH received from a client. */
    public void publishReceived() {
        publishReceived.increment();
    }

    /** Counts the payload of one PUBLISH received from a client. */
    public void publishBytesReceived(int payloadBytes) {
        publishBytesReceived.add(payloadBytes);
    }

    /** Counts one PUBLISH sent to a client, and its payload. */
    public void publishSent(int payloadBytes) {
        publishSent.increment();
        publishBytesSent.add(payloadBytes);
    }

    /** Counts a session discarded because its expiry interval passed while it was disconnected. */
    public void sessionExpired() {
        sessionsExpired.increment();
    }

    /** Follows the number of messages waiting in session queues. */
    public void queuedChanged(int delta) {
        queuedMessages.add(delta);
    }

    /** Follows the number of QoS 1 and 2 messages sent and not yet acknowledged. */
    public void inflightChanged(int delta) {
        inflightMessages.add(delta);
    }

    /** Counts a publisher that began to wait for a subscriber's backlog to fall. */
    public void publisherPaused() {
        publishersPaused.increment();
    }

    /**
     * Counts a subscriber that did not drain within the slow-consumer timeout while a publisher waited for it;
     * once per waiting publisher that found it so.
     */
    public void slowConsumer() {
        slowConsumers.increment();
    }

    /** How often publishers began to wait for a subscriber's backlog to fall. */
    public long publishersPaused() {
        return publishersPaused.sum();
    }

    /** How often a subscriber was found to take nothing while publishers waited, and began to shed. */
    public long slowConsumers() {
        return slowConsumers.sum();
    }

    /** Counts one message not delivered to one subscriber. */
    public void dropped(DropReason reason) {
        drops.get(reason).increment();
    }

    /** Counts one connection refused or closed by the server, by its reason. */
    public void closed(String reason) {
        closeReasons.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    /** Counts one request refused without closing the connection, such as an unauthorized PUBLISH. */
    public void refused(String reason) {
        refusals.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    /** Counts a client that completed CONNECT. */
    public void clientConnected() {
        connectionsAccepted.increment();
        long now = clientsConnected.incrementAndGet();
        clientsMaximum.accumulateAndGet(now, Math::max);
    }

    /** Counts a client that went away. */
    public void clientDisconnected() {
        clientsConnected.decrementAndGet();
    }

    public long packetsReceived() {
        return packetsReceived.sum();
    }

    public long packetsSent() {
        return packetsSent.sum();
    }

    public long bytesReceived() {
        return bytesReceived.sum();
    }

    public long bytesSent() {
        return bytesSent.sum();
    }

    public long publishReceivedCount() {
        return publishReceived.sum();
    }

    public long publishSentCount() {
        return publishSent.sum();
    }

    public long publishBytesReceived() {
        return publishBytesReceived.sum();
    }

    public long publishBytesSent() {
        return publishBytesSent.sum();
    }

    public long sessionsExpired() {
        return sessionsExpired.sum();
    }

    /** Messages waiting in session queues, online and offline. */
    public long queuedMessages() {
        return queuedMessages.sum();
    }

    /** QoS 1 and 2 messages sent to clients and not yet acknowledged. */
    public long inflightMessages() {
        return inflightMessages.sum();
    }

    public long connectionsAccepted() {
        return connectionsAccepted.sum();
    }

    public long clientsConnected() {
        return clientsConnected.get();
    }

    public long clientsMaximum() {
        return clientsMaximum.get();
    }

    /** Messages dropped for one reason. */
    public long droppedCount(DropReason reason) {
        return drops.get(reason).sum();
    }

    /** Messages dropped for any reason. */
    public long droppedTotal() {
        long total = 0;
        for (LongAdder adder : drops.values()) {
            total += adder.sum();
        }
        return total;
    }

    /** Connections refused or closed by the server, by reason. */
    public Map<String, Long> closeReasons() {
        Map<String, Long> snapshot = new TreeMap<>();
        closeReasons.forEach((reason, adder) -> snapshot.put(reason, adder.sum()));
        return snapshot;
    }

    /** Requests refused, by reason. */
    public Map<String, Long> refusals() {
        Map<String, Long> snapshot = new TreeMap<>();
        refusals.forEach((reason, adder) -> snapshot.put(reason, adder.sum()));
        return snapshot;
    }

    /** Connections refused or closed by the server for one reason. */
    public long closedCount(String reason) {
        LongAdder adder = closeReasons.get(reason);
        return adder == null ? 0 : adder.sum();
    }
}
