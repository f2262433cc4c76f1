package io.petrel.server;

import io.petrel.engine.Engine;
import io.petrel.mqtt.listener.MqttListener;
import io.petrel.security.Security;
import io.petrel.server.devices.DeviceHost;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a {@link PetrelServer} reports about itself beyond the engine's own figures: the limits it logs at start,
 * the {@code $SYS} topics of security and the device platform, and the details of {@code /health}.
 */
final class ServerStatus {
    /** The limits are logged under the server's name, with the other lines of its start. */
    private static final Logger LOG = LoggerFactory.getLogger(PetrelServer.class);

    private ServerStatus() {
    }

    static void logLimits(ServerConfig config) {
        var limits = config.security().limits();
        var guard = config.security().guard();
        LOG.info("Limits: connections {} (per organization {}, per user {}), connects per address {}/s, back-off "
                        + "after {} failed logins, publish {} msg/s and {} B/s per client ({}), subscriptions {}",
                orNone(limits.maxConnections()), orNone(limits.maxConnectionsPerOrganization()),
                orNone(limits.maxConnectionsPerUser()), orNone(guard.connectsPerSecond()),
                orNone(guard.failuresBeforeBackoff()), orNone(limits.publishMessagesPerSecond()),
                orNone((int) Math.min(Integer.MAX_VALUE, limits.publishBytesPerSecond())),
                limits.quotaAction().name().toLowerCase(Locale.ROOT), orNone(limits.maxSubscriptions()));
    }

    private static String orNone(int value) {
        return value == 0 ? "unlimited" : Integer.toString(value);
    }

    static Map<String, String> securitySys(Security security) {
        Map<String, String> values = new LinkedHashMap<>();
        security.metrics().counters().forEach((name, count) ->
                values.put("$SYS/petrel/security/" + name, Long.toString(count)));
        security.metrics().gauges().forEach((name, value) ->
                values.put("$SYS/petrel/security/" + name, Long.toString(value)));
        return values;
    }

    static Map<String, String> devicesSys(DeviceHost devices) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("$SYS/petrel/devices/worker-queue", Integer.toString(devices.queued()));
        values.put("$SYS/petrel/devices/telemetry-backlog", Integer.toString(devices.platform().telemetry().backlog()));
        return values;
    }

    static Map<String, Object> healthDetails(Engine engine, List<MqttListener> listeners) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("version", PetrelVersion.get());
        details.put("clients", engine.metrics().clientsConnected());
        details.put("listeners", listeners.stream().map(l -> l.config().name()).toList());
        return details;
    }
}
