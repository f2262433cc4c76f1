package io.petrel.it.bench;

import io.petrel.api.store.platform.Aggregation;
import io.petrel.api.store.platform.SortOrder;
import io.petrel.api.store.platform.TelemetryStore;
import io.petrel.api.store.platform.TsEntry;
import io.petrel.api.store.platform.TsPoint;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** A telemetry store that counts the points appended to the store behind it, for the ingest benchmark. */
final class CountingTelemetryStore implements TelemetryStore {
    private final TelemetryStore store;
    private final AtomicLong points = new AtomicLong();

    CountingTelemetryStore(TelemetryStore store) {
        this.store = store;
    }

    /** Points appended so far. */
    long points() {
        return points.get();
    }

    @Override
    public void append(List<TsPoint> batch) {
        store.append(batch);
        points.addAndGet(batch.size());
    }

    @Override
    public List<TsEntry> latest(UUID deviceId) {
        return store.latest(deviceId);
    }

    @Override
    public List<TsEntry> latest(UUID deviceId, Collection<String> keys) {
        return store.latest(deviceId, keys);
    }

    @Override
    public List<TsEntry> range(UUID deviceId, String key, long fromTs, long toTs, int limit, SortOrder order) {
        return store.range(deviceId, key, fromTs, toTs, limit, order);
    }

    @Override
    public List<TsEntry> aggregate(UUID deviceId, String key, long fromTs, long toTs, long intervalMillis,
            Aggregation aggregation) {
        return store.aggregate(deviceId, key, fromTs, toTs, intervalMillis, aggregation);
    }

    @Override
    public long deleteBefore(UUID deviceId, long beforeTs) {
        return store.deleteBefore(deviceId, beforeTs);
    }

    @Override
    public void deleteDevice(UUID deviceId) {
        store.deleteDevice(deviceId);
    }
}
