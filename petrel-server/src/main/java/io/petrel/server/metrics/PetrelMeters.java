package io.petrel.server.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.petrel.engine.metrics.BrokerMetrics;
import io.petrel.engine.metrics.DropReason;
import io.petrel.security.SecurityMetrics;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Binds {@link BrokerMetrics} and {@link SecurityMetrics} to a Micrometer registry. The counters are read when
 * scraped, never copied on the hot path. Counters keyed by reason appear as they first occur: {@link #refresh()}
 * registers the new ones before each scrape.
 */
public final class PetrelMeters {
    private final MeterRegistry registry;
    private final BrokerMetrics broker;
    private final SecurityMetrics security;
    private final Set<String> registered = ConcurrentHashMap.newKeySet();

    public PetrelMeters(MeterRegistry registry, BrokerMetrics broker, SecurityMetrics security) {
        this.registry = registry;
        this.broker = broker;
        this.security = security;
        counter("petrel.packets.received", "MQTT packets received", BrokerMetrics::packetsReceived);
        counter("petrel.packets.sent", "MQTT packets sent", BrokerMetrics::packetsSent);
        counter("petrel.bytes.received", "Bytes read from clients", BrokerMetrics::bytesReceived);
        counter("petrel.bytes.sent", "Bytes written to clients", BrokerMetrics::bytesSent);
        counter("petrel.publish.received", "PUBLISH packets accepted from clients", BrokerMetrics::publishReceivedCount);
        counter("petrel.publish.sent", "PUBLISH packets sent to clients", BrokerMetrics::publishSentCount);
        counter("petrel.connections.accepted", "Connections that completed CONNECT", BrokerMetrics::connectionsAccepted);
        counter("petrel.flow.publishers.paused", "Times a publisher began to wait for a subscriber's backlog to fall",
                BrokerMetrics::publishersPaused);
        counter("petrel.flow.slow.consumers", "Times a subscriber did not drain while publishers waited, and began "
                + "to shed", BrokerMetrics::slowConsumers);
        Gauge.builder("petrel.clients.connected", broker, BrokerMetrics::clientsConnected)
                .description("Clients connected now").register(registry);
        for (DropReason reason : DropReason.values()) {
            FunctionCounter.builder("petrel.messages.dropped", broker, m -> m.droppedCount(reason))
                    .description("Messages not delivered to a subscriber, by reason")
                    .tag("reason", reason.name().toLowerCase(Locale.ROOT)).register(registry);
        }
        refresh();
    }

    private void counter(String name, String description, ToDoubleFunction<BrokerMetrics> value) {
        FunctionCounter.builder(name, broker, value).description(description).register(registry);
    }

    /** Registers the counters and gauges that appeared since the last call. */
    public void refresh() {
        keyed("petrel.connections.closed", "Connections refused or closed by the server, by reason",
                broker::closeReasons, reason -> broker.closeReasons().getOrDefault(reason, 0L));
        keyed("petrel.requests.refused", "Requests refused without closing the connection, by reason",
                broker::refusals, reason -> broker.refusals().getOrDefault(reason, 0L));
        keyed("petrel.security.events", "Security events (refusals, back-offs, rate limits), by kind",
                security::counters, security::get);
        for (String name : security.gauges().keySet()) {
            if (registered.add("gauge:" + name)) {
                Gauge.builder("petrel.security." + name.replace('_', '.'), security,
                        s -> s.gauges().getOrDefault(name, 0L)).register(registry);
            }
        }
    }

    private void keyed(String meter, String description, Supplier<Map<String, Long>> keys,
            ToDoubleFunction<String> value) {
        for (String key : keys.get().keySet()) {
            if (registered.add(meter + ":" + key)) {
                FunctionCounter.builder(meter, key, value).description(description)
                        .tag("reason", key.toLowerCase(Locale.ROOT)).register(registry);
            }
        }
    }
}
