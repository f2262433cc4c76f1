package io.petrel.api.store.platform;

import java.util.Objects;

/**
 * One telemetry value of a device at a time, as queries return it.
 *
 * @param ts the time of the value, in epoch milliseconds
 * @param key the telemetry key
 * @param value the value
 */
public record TsEntry(long ts, String key, KvValue value) {
    public TsEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
