package io.petrel.platform.telemetry;

import io.petrel.platform.kv.KvEntry;
import java.util.List;

/**
 * Key-values that share one timestamp.
 *
 * @param ts the time, in epoch milliseconds
 * @param values the key-values
 */
public record TimedValues(long ts, List<KvEntry> values) {
    public TimedValues {
        values = List.copyOf(values);
    }
}
