package io.petrel.platform.telemetry;

import io.petrel.api.store.platform.TsPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What one telemetry message carried: groups of key-values, each with its timestamp, in message order.
 *
 * @param groups the groups; some may be empty
 */
public record TelemetryUpload(List<TimedValues> groups) {
    public TelemetryUpload {
        groups = List.copyOf(groups);
    }

    /** How many key-values the message carried. */
    public int size() {
        int size = 0;
        for (TimedValues group : groups) {
            size += group.values().size();
        }
        return size;
    }

    /** Whether the message carried no key-value at all, like {@code {}}. */
    public boolean isEmpty() {
        return size() == 0;
    }

    /** The points to store for a device. */
    public List<TsPoint> points(UUID deviceId) {
        List<TsPoint> points = new ArrayList<>(size());
        for (TimedValues group : groups) {
            group.values().forEach(kv -> points.add(new TsPoint(deviceId, group.ts(), kv.key(), kv.value())));
        }
        return points;
    }
}
