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
import java.util.Locale;
import java.util.Map;

/**
 * Publishes the broker's state under {@code $SYS/broker/...} as retained QoS 0 messages. Topic names follow
 * Mosquitto's, so that dashboards built for it work unchanged; Petrel's own additions sit beside them. Only
 * values that changed since the last round are published.
 */
public final class SysTopics {
    private final String version;
    private final long startedAtMillis;
    private final BrokerMetrics metrics;
    private final SessionRegistry sessions;
    private final TopicTree<?> subscriptions;
    private final RetainedIndex retained;
    private final MessageSink sink;
    private final Map<String, String> lastPublished = new HashMap<>();

    public SysTopics(String version, long startedAtMillis, BrokerMetrics metrics, SessionRegistry sessions,
            TopicTree<?> subscriptions, RetainedIndex retained, MessageSink sink) {
        this.version = version;
        this.startedAtMillis = startedAtMillis;
        this.metrics = metrics;
        this.sessions = sessions;
        this.subscriptions = subscriptions;
        this.retained = retained;
        this.sink = sink;
    }

    /** The current values, by topic. */
    public Map<String, String> snapshot(long nowMillis) {
        long connected = metrics.clientsConnected();
        long total = sessions.size();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("$SYS/broker/version", "petrel " + version);
        values.put("$SYS/broker/uptime", (nowMillis - startedAtMillis) / 1000 + " seconds");
        values.put("$SYS/broker/clients/connected", Long.toString(connected));
        values.put("$SYS/broker/clients/disconnected", Long.toString(Math.max(0, total - connected)));
        values.put("$SYS/broker/clients/total", Long.toString(total));
        values.put("$SYS/broker/clients/maximum", Long.toString(metrics.clientsMaximum()));
        values.put("$SYS/broker/messages/received", Long.toString(metrics.packetsReceived()));
        values.put("$SYS/broker/messages/sent", Long.toString(metrics.packetsSent()));
        values.put("$SYS/broker/publish/messages/received", Long.toString(metrics.publishReceivedCount()));
        values.put("$SYS/broker/publish/messages/sent", Long.toString(metrics.publishSentCount()));
        values.put("$SYS/broker/publish/messages/dropped", Long.toString(metrics.droppedTotal()));
        for (DropReason reason : DropReason.values()) {
            values.put("$SYS/broker/publish/messages/dropped/" + reason.name().toLowerCase(Locale.ROOT),
                    Long.toString(metrics.droppedCount(reason)));
        }
        values.put("$SYS/broker/bytes/received", Long.toString(metrics.bytesReceived()));
        values.put("$SYS/broker/bytes/sent", Long.toString(metrics.bytesSent()));
        values.put("$SYS/broker/subscriptions/count", Integer.toString(subscriptions.size()));
        values.put("$SYS/broker/retained messages/count", Integer.toString(retained.size()));
        metrics.closeReasons().forEach((reason, count) -> values.put(
                "$SYS/broker/connections/closed/" + reason.toLowerCase(Locale.ROOT), Long.toString(count)));
        metrics.refusals().forEach((reason, count) -> values.put(
                "$SYS/broker/refusals/" + reason.toLowerCase(Locale.ROOT), Long.toString(count)));
        return values;
    }

    /** Publishes every value that changed since the last call. Called from one scheduled task at a time. */
    public void publish(long nowMillis) {
        snapshot(nowMillis).forEach((topic, value) -> {
            if (!value.equals(lastPublished.put(topic, value))) {
                sink.publish(Message.of(topic, value.getBytes(StandardCharsets.UTF_8), QoS.AT_MOST_ONCE, true),
                        null);
            }
        });
    }
}
