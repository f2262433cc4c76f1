package io.petrel.platform.memory;

import io.petrel.api.store.platform.Aggregation;
import io.petrel.api.store.platform.KvValue;
import io.petrel.api.store.platform.SortOrder;
import io.petrel.api.store.platform.TelemetryStore;
import io.petrel.api.store.platform.TsEntry;
import io.petrel.api.store.platform.TsPoint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Time series in sorted maps, one per device and key, guarded by a lock per device. */
public final class InMemoryTelemetryStore implements TelemetryStore {
    private final Map<UUID, DeviceSeries> devices = new ConcurrentHashMap<>();

    /** A device's series by key, and the latest entry of each key. */
    private static final class DeviceSeries {
        final Map<String, TreeMap<Long, KvValue>> series = new TreeMap<>();
        final Map<String, TsEntry> latest = new TreeMap<>();
    }

    @Override
    public void append(List<TsPoint> points) {
        for (TsPoint point : points) {
            DeviceSeries device = devices.computeIfAbsent(point.deviceId(), id -> new DeviceSeries());
            synchronized (device) {
                device.series.computeIfAbsent(point.key(), k -> new TreeMap<>()).put(point.ts(), point.value());
                TsEntry latest = device.latest.get(point.key());
                if (latest == null || point.ts() >= latest.ts()) {
                    device.latest.put(point.key(), new TsEntry(point.ts(), point.key(), point.value()));
                }
            }
        }
    }

    @Override
    public List<TsEntry> latest(UUID deviceId) {
        DeviceSeries device = devices.get(deviceId);
        if (device == null) {
            return List.of();
        }
        synchronized (device) {
            return List.copyOf(device.latest.values());
        }
    }

    @Override
    public List<TsEntry> latest(UUID deviceId, Collection<String> keys) {
        DeviceSeries device = devices.get(deviceId);
        if (device == null) {
            return List.of();
        }
        synchronized (device) {
            return keys.stream().distinct().sorted().map(device.latest::get).filter(e -> e != null).toList();
        }
    }

    @Override
    public List<TsEntry> range(UUID deviceId, String key, long fromTs, long toTs, int limit, SortOrder order) {
        List<TsEntry> result = new ArrayList<>();
        DeviceSeries device = devices.get(deviceId);
        if (device == null || fromTs >= toTs || limit <= 0) {
            return result;
        }
        synchronized (device) {
            TreeMap<Long, KvValue> series = device.series.get(key);
            if (series == null) {
                return result;
            }
            NavigableMap<Long, KvValue> window = series.subMap(fromTs, true, toTs, false);
            if (order == SortOrder.DESCENDING) {
                window = window.descendingMap();
            }
            for (Map.Entry<Long, KvValue> point : window.entrySet()) {
                if (result.size() == limit) {
                    break;
                }
                result.add(new TsEntry(point.getKey(), key, point.getValue()));
            }
        }
        return result;
    }

    @Override
    public List<TsEntry> aggregate(UUID deviceId, String key, long fromTs, long toTs, long intervalMillis,
            Aggregation aggregation) {
        List<TsEntry> points = range(deviceId, key, fromTs, toTs, Integer.MAX_VALUE, SortOrder.ASCENDING);
        return Aggregator.aggregate(points, key, fromTs, intervalMillis, aggregation);
    }

    @Override
    public long deleteBefore(UUID deviceId, long beforeTs) {
        DeviceSeries device = devices.get(deviceId);
        if (device == null) {
            return 0;
        }
        long deleted = 0;
        synchronized (device) {
            for (TreeMap<Long, KvValue> series : device.series.values()) {
                NavigableMap<Long, KvValue> old = series.headMap(beforeTs, false);
                deleted += old.size();
                old.clear();
            }
        }
        return deleted;
    }

    @Override
    public void deleteDevice(UUID deviceId) {
        devices.remove(deviceId);
    }
}
