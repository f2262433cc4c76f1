package io.petrel.engine.sys;

import io.petrel.api.Message;
import io.petrel.api.QoS;
import io.petrel.engine.metrics.BrokerMetrics;
import io.petrel.engine.metrics.DropReason;
import io.petrel.engine.retained.RetainedIndex;
import io.petrel.engine.session.MessageSink;
import io.petrel.engine.session.SessionRegistry;
import io.petrel.engine.topic.TopicTree;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Publishes the broker's state as retained QoS 0 messages. Everything Mosquitto also publishes sits under
 * Mosquitto's own name in {@code $SYS/broker/...}, so that dashboards built for it work unchanged; what only
 * Petrel counts (drops by reason, refusals, closes by reason) sits under {@code $SYS/petrel/...}. Only values
 * that changed since the last round are published.
 *
 * <p>Threading: {@link #publish} runs from one scheduled task at a time; {@link #snapshot} may be called from
 * anywhere and reads the load averages as last computed.
 */
public final class SysTopics {
    /** The prefix of the topics that have a Mosquitto equivalent. */
    public static final String BROKER = "$SYS/broker/";
    /** The prefix of the topics only Petrel publishes. */
    public static final String PETREL = "$SYS/petrel/";

    private final String version;
    private final long startedAtMillis;
    private final BrokerMetrics metrics;
    private final SessionRegistry sessions;
    private final TopicTree<?> subscriptions;
    private final RetainedIndex retained;
    private final MessageSink sink;
    private final List<LoadAverage> loads;
    private final Map<String, String> lastPublished = new HashMap<>();
    private final List<Supplier<Map<String, String>>> sources = new CopyOnWriteArrayList<>();

    public SysTopics(String version, long startedAtMillis, BrokerMetrics metrics, SessionRegistry sessions,
            TopicTree<?> subscriptions, RetainedIndex retained, MessageSink sink) {
        this.version = version;
        this.startedAtMillis = startedAtMillis;
        this.metrics = metrics;
        this.sessions = sessions;
        this.subscriptions = subscriptions;
        this.retained = retained;
        this.sink = sink;
        String load = BROKER + "load/";
        this.loads = List.of(
                new LoadAverage(load + "messages/received", metrics::packetsReceived, startedAtMillis),
                new LoadAverage(load + "messages/sent", metrics::packetsSent, startedAtMillis),
                new LoadAverage(load + "publish/received", metrics::publishReceivedCount, startedAtMillis),
                new LoadAverage(load + "publish/sent", metrics::publishSentCount, startedAtMillis),
                new LoadAverage(load + "publish/dropped", metrics::droppedTotal, startedAtMillis),
                new LoadAverage(load + "bytes/received", metrics::bytesReceived, startedAtMillis),
                new LoadAverage(load + "bytes/sent", metrics::bytesSent, startedAtMillis),
                new LoadAverage(load + "connections", metrics::connectionsAccepted, startedAtMillis));
    }

    /**
     * Adds values from outside the engine, such as security's counters, published with the engine's own.
     * Topics must start with {@code $SYS/}.
     */
    public void addSource(Supplier<Map<String, String>> source) {
        sources.add(source);
    }

    /** The current values, by topic. */
    public Map<String, String> snapshot(long nowMillis) {
        long connected = metrics.clientsConnected();
        long total = sessions.size();
        long stored = retained.size() + metrics.queuedMessages() + metrics.inflightMessages();
        Map<String, String> values = new LinkedHashMap<>();
        values.put(BROKER + "version", "petrel version " + version);
        values.put(BROKER + "uptime", (nowMillis - startedAtMillis) / 1000 + " seconds");
        values.put(BROKER + "clients/connected", Long.toString(connected));
        values.put(BROKER + "clients/disconnected", Long.toString(Math.max(0, total - connected)));
        values.put(BROKER + "clients/total", Long.toString(total));
        values.put(BROKER + "clients/maximum", Long.toString(metrics.clientsMaximum()));
        values.put(BROKER + "clients/expired", Long.toString(metrics.sessionsExpired()));
        values.put(BROKER + "messages/received", Long.toString(metrics.packetsReceived()));
        values.put(BROKER + "messages/sent", Long.toString(metrics.packetsSent()));
        values.put(BROKER + "messages/stored", Long.toString(stored));
        values.put(BROKER + "store/messages/count", Long.toString(stored));
        values.put(BROKER + "publish/messages/received", Long.toString(metrics.publishReceivedCount()));
        values.put(BROKER + "publish/messages/sent", Long.toString(metrics.publishSentCount()));
        values.put(BROKER + "publish/messages/dropped", Long.toString(metrics.droppedTotal()));
        values.put(BROKER + "publish/bytes/received", Long.toString(metrics.publishBytesReceived()));
        values.put(BROKER + "publish/bytes/sent", Long.toString(metrics.publishBytesSent()));
        values.put(BROKER + "bytes/received", Long.toString(metrics.bytesReceived()));
        values.put(BROKER + "bytes/sent", Long.toString(metrics.bytesSent()));
        values.put(BROKER + "subscriptions/count", Integer.toString(subscriptions.size()));
        values.put(BROKER + "shared_subscriptions/count", Integer.toString(subscriptions.sharedSize()));
        values.put(BROKER + "retained messages/count", Integer.toString(retained.size()));
        synchronized (loads) {
            loads.forEach(load -> load.putInto(values));
        }
        values.put(PETREL + "messages/queued", Long.toString(metrics.queuedMessages()));
        values.put(PETREL + "messages/inflight", Long.toString(metrics.inflightMessages()));
        values.put(PETREL + "flow/publishers_paused", Long.toString(metrics.publishersPaused()));
        values.put(PETREL + "flow/slow_consumers", Long.toString(metrics.slowConsumers()));
        for (DropReason reason : DropReason.values()) {
            values.put(PETREL + "publish/dropped/" + reason.name().toLowerCase(Locale.ROOT),
                    Long.toString(metrics.droppedCount(reason)));
        }
        metrics.closeReasons().forEach((reason, count) -> values.put(
                PETREL + "connections/closed/" + reason.toLowerCase(Locale.ROOT), Long.toString(count)));
        metrics.refusals().forEach((reason, count) -> values.put(
                PETREL + "refusals/" + reason.toLowerCase(Locale.ROOT), Long.toString(count)));
        for (Supplier<Map<String, String>> source : sources) {
            values.putAll(source.get());
        }
        return values;
    }

    /** Updates the load averages and publishes every value that changed since the last call. */
    public void publish(long nowMillis) {
        synchronized (loads) {
            loads.forEach(load -> load.update(nowMillis));
        }
        snapshot(nowMillis).forEach((topic, value) -> {
            if (!value.equals(lastPublished.put(topic, value))) {
                sink.publish(Message.of(topic, value.getBytes(StandardCharsets.UTF_8), QoS.AT_MOST_ONCE, true),
                        null);
            }
        });
    }
}
