package io.petrel.api.store.platform;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Telemetry time series and the latest value of each key. A point is identified by device, key and time: a
 * second point with the same three replaces the first. The latest value of a key is its point with the
 * greatest time, whatever the order of writes; retention deletes old points but keeps latest values.
 */
public interface TelemetryStore {

    /** Stores points, which may belong to many devices, in one commit, and updates the latest values. */
    void append(List<TsPoint> points);

    /** The latest value of every key of a device, by key. */
    List<TsEntry> latest(UUID deviceId);

    /** The latest values of the given keys of a device, by key; keys without values are left out. */
    List<TsEntry> latest(UUID deviceId, Collection<String> keys);

    /**
     * The points of one key with {@code fromTs <= ts < toTs}, at most {@code limit}, in the given order
     * (so that DESCENDING with a limit gives the newest points).
     */
    List<TsEntry> range(UUID deviceId, String key, long fromTs, long toTs, int limit, SortOrder order);

    /**
     * The points of one key with {@code fromTs <= ts < toTs}, combined per interval: interval i covers
     * {@code [fromTs + i * intervalMillis, fromTs + (i + 1) * intervalMillis)}, cut at {@code toTs}. Each
     * result has the interval's start as its time, in ascending order; intervals with nothing to combine are
     * left out.
     */
    List<TsEntry> aggregate(UUID deviceId, String key, long fromTs, long toTs, long intervalMillis,
            Aggregation aggregation);

    /** Deletes a device's points older than a time ({@code ts < beforeTs}), and returns how many. */
    long deleteBefore(UUID deviceId, long beforeTs);

    /** Deletes every point and latest value of a device. */
    void deleteDevice(UUID deviceId);
}
