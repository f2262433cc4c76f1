package io.petrel.api.store.platform;

import java.util.Objects;
import java.util.UUID;

/**
 * One telemetry value to store.
 *
 * @param deviceId the device that sent it
 * @param ts the time of the value, in epoch milliseconds
 * @param key the telemetry key
 * @param value the value
 */
public record TsPoint(UUID deviceId, long ts, String key, KvValue value) {
    public TsPoint {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
