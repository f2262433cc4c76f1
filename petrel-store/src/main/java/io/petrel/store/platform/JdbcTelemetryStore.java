package io.petrel.store.platform;

import io.petrel.api.store.StoreException;
import io.petrel.api.store.platform.Aggregation;
import io.petrel.api.store.platform.KvValue;
import io.petrel.api.store.platform.SortOrder;
import io.petrel.api.store.platform.TelemetryStore;
import io.petrel.api.store.platform.TsEntry;
import io.petrel.api.store.platform.TsPoint;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Telemetry in SQL: the series in {@code ts_kv}, keyed by device, key number and time, and the newest point of
 * each key in {@code ts_latest}. An append is one transaction: its points are deduplicated and sorted into the
 * key order first, so that the database writes each page once, and written many rows to a statement; each
 * key's newest point updates the latest row only if it is not older than the stored one. Aggregates are computed by the database, per interval.
 */
final class JdbcTelemetryStore implements TelemetryStore {
    private static final Comparator<TsPoint> KEY_ORDER = Comparator.comparing(TsPoint::deviceId)
            .thenComparing(TsPoint::key).thenComparingLong(TsPoint::ts);
    private static final MultiRowInsert INSERT = new MultiRowInsert(
            "INSERT INTO ts_kv (device_id, key_id, ts, type, long_v, dbl_v, str_v) VALUES",
            "ON CONFLICT (device_id, key_id, ts) DO UPDATE SET type = excluded.type, long_v = excluded.long_v, "
                    + "dbl_v = excluded.dbl_v, str_v = excluded.str_v", 7);
    private static final MultiRowInsert UPSERT_LATEST = new MultiRowInsert(
            "INSERT INTO ts_latest (device_id, key_id, ts, type, long_v, dbl_v, str_v) VALUES",
            "ON CONFLICT (device_id, key_id) DO UPDATE SET ts = excluded.ts, type = excluded.type, "
                    + "long_v = excluded.long_v, dbl_v = excluded.dbl_v, str_v = excluded.str_v "
                    + "WHERE excluded.ts >= ts_latest.ts", 7);
    private static final String LATEST = "SELECT k.key, l.ts, l.type, l.long_v, l.dbl_v, l.str_v FROM ts_latest l "
            + "JOIN ts_keys k ON k.id = l.key_id WHERE l.device_id = ?";
    private static final String AGGREGATE = "SELECT (ts - ?) / ?, COUNT(*), "
            + "SUM(CASE WHEN type = 1 OR type = 2 THEN 1 ELSE 0 END), SUM(CASE WHEN type = 2 THEN 1 ELSE 0 END), "
            + "MIN(CASE WHEN type = 1 THEN long_v END), MAX(CASE WHEN type = 1 THEN long_v END), "
            + "MIN(CASE WHEN type = 2 THEN dbl_v END), MAX(CASE WHEN type = 2 THEN dbl_v END), "
            + "SUM(CASE WHEN type = 1 THEN long_v END), SUM(CASE WHEN type = 2 THEN dbl_v END) "
            + "FROM ts_kv WHERE device_id = ? AND key_id = ? AND ts >= ? AND ts < ? GROUP BY 1 ORDER BY 1";
    /** SQLite's SUM fails past 64 bits; TOTAL sums in floating point instead. */
    private static final String AGGREGATE_INEXACT = AGGREGATE.replace("SUM(CASE WHEN type = 1 THEN long_v END)",
            "TOTAL(CASE WHEN type = 1 THEN long_v END)");

    private final PlatformDatabase db;
    private final Dialect dialect;
    private final TelemetryKeys keys = new TelemetryKeys();

    JdbcTelemetryStore(PlatformDatabase db) {
        this.db = db;
        this.dialect = db.dialect();
    }

    @Override
    public void append(List<TsPoint> points) {
        if (points.isEmpty()) {
            return;
        }
        // A later point with the same device, key and time replaces an earlier one, as a later append would.
        TreeMap<TsPoint, TsPoint> series = new TreeMap<>(KEY_ORDER);
        Map<UUID, Map<String, TsPoint>> newest = new HashMap<>();
        for (TsPoint point : points) {
            series.put(point, point);
            newest.computeIfAbsent(point.deviceId(), id -> new HashMap<>())
                    .merge(point.key(), point, (old, next) -> next.ts() >= old.ts() ? next : old);
        }
        TreeSet<String> names = new TreeSet<>();
        series.keySet().forEach(point -> names.add(point.key()));
        AtomicReference<Map<String, Integer>> created = new AtomicReference<>();
        List<TsPoint> latest = new ArrayList<>();
        newest.values().forEach(device -> latest.addAll(device.values()));
        latest.sort(KEY_ORDER);
        List<TsPoint> rows = new ArrayList<>(series.values());
        db.write(tx -> {
            Map<String, Integer> ids = keys.resolve(tx, names);
            INSERT.write(tx, rows, (s, first, point) -> bind(s, first, point, ids));
            UPSERT_LATEST.write(tx, latest, (s, first, point) -> bind(s, first, point, ids));
            created.set(ids);
            return null;
        });
        keys.remember(created.get());
    }

    private void bind(PreparedStatement s, int first, TsPoint point, Map<String, Integer> ids) throws SQLException {
        dialect.setUuid(s, first, point.deviceId());
        s.setInt(first + 1, ids.get(point.key()));
        s.setLong(first + 2, point.ts());
        KvColumns.bind(s, first + 3, point.value());
    }

    @Override
    public List<TsEntry> latest(UUID deviceId) {
        return db.read(c -> Sql.list(c, LATEST + " ORDER BY k.key", s -> dialect.setUuid(s, 1, deviceId),
                JdbcTelemetryStore::latestEntry));
    }

    @Override
    public List<TsEntry> latest(UUID deviceId, Collection<String> wanted) {
        List<String> distinct = new ArrayList<>(new TreeSet<>(wanted));
        if (distinct.isEmpty()) {
            return List.of();
        }
        return db.read(c -> Sql.list(c, LATEST + " AND k.key IN (" + JdbcAttributeStore.placeholders(distinct.size())
                + ") ORDER BY k.key", s -> {
                    dialect.setUuid(s, 1, deviceId);
                    for (int i = 0; i < distinct.size(); i++) {
                        s.setString(2 + i, distinct.get(i));
                    }
                }, JdbcTelemetryStore::latestEntry));
    }

    @Override
    public List<TsEntry> range(UUID deviceId, String key, long fromTs, long toTs, int limit, SortOrder order) {
        Integer keyId = keys.find(db, key);
        if (keyId == null || fromTs >= toTs || limit <= 0) {
            return List.of();
        }
        String direction = order == SortOrder.ASCENDING ? "ASC" : "DESC";
        return db.read(c -> Sql.list(c, "SELECT ts, type, long_v, dbl_v, str_v FROM ts_kv WHERE device_id = ? "
                + "AND key_id = ? AND ts >= ? AND ts < ? ORDER BY ts " + direction + " LIMIT ?", s -> {
                    dialect.setUuid(s, 1, deviceId);
                    s.setInt(2, keyId);
                    s.setLong(3, fromTs);
                    s.setLong(4, toTs);
                    s.setInt(5, limit);
                }, rows -> new TsEntry(rows.getLong(1), key, KvColumns.read(rows, 2))));
    }

    @Override
    public List<TsEntry> aggregate(UUID deviceId, String key, long fromTs, long toTs, long intervalMillis,
            Aggregation aggregation) {
        Integer keyId = keys.find(db, key);
        if (keyId == null || fromTs >= toTs) {
            return List.of();
        }
        try {
            return aggregate(AGGREGATE, true, deviceId, keyId, key, fromTs, toTs, intervalMillis, aggregation);
        } catch (StoreException e) {
            if (e.getCause() instanceof SQLException sql && dialect.isOverflow(sql)) {
                return aggregate(AGGREGATE_INEXACT, false, deviceId, keyId, key, fromTs, toTs, intervalMillis,
                        aggregation);
            }
            throw e;
        }
    }

    private List<TsEntry> aggregate(String sql, boolean exactSums, UUID deviceId, int keyId, String key, long fromTs,
            long toTs, long intervalMillis, Aggregation aggregation) {
        List<IntervalFigures> intervals = db.read(c -> Sql.list(c, sql, s -> {
            s.setLong(1, fromTs);
            s.setLong(2, intervalMillis);
            dialect.setUuid(s, 3, deviceId);
            s.setInt(4, keyId);
            s.setLong(5, fromTs);
            s.setLong(6, toTs);
        }, rows -> IntervalFigures.read(rows, exactSums)));
        List<TsEntry> result = new ArrayList<>(intervals.size());
        for (IntervalFigures figures : intervals) {
            KvValue value = figures.combine(aggregation);
            if (value != null) {
                result.add(new TsEntry(fromTs + figures.interval() * intervalMillis, key, value));
            }
        }
        return result;
    }

    @Override
    public long deleteBefore(UUID deviceId, long beforeTs) {
        return db.write(tx -> {
            List<Integer> keyIds = Sql.list(tx, "SELECT key_id FROM ts_latest WHERE device_id = ?",
                    s -> dialect.setUuid(s, 1, deviceId), rows -> rows.getInt(1));
            long deleted = 0;
            Map<Integer, Long> counts = new LinkedHashMap<>();
            for (int keyId : keyIds) {
                long count = tx.query("SELECT COUNT(*) FROM ts_kv WHERE device_id = ? AND key_id = ? AND ts < ?",
                        s -> {
                            dialect.setUuid(s, 1, deviceId);
                            s.setInt(2, keyId);
                            s.setLong(3, beforeTs);
                        }, rows -> rows.next() ? rows.getLong(1) : 0L);
                counts.put(keyId, count);
                deleted += count;
            }
            for (Map.Entry<Integer, Long> key : counts.entrySet()) {
                if (key.getValue() > 0) {
                    tx.write("DELETE FROM ts_kv WHERE device_id = ? AND key_id = ? AND ts < ?", s -> {
                        dialect.setUuid(s, 1, deviceId);
                        s.setInt(2, key.getKey());
                        s.setLong(3, beforeTs);
                    });
                }
            }
            return deleted;
        });
    }

    @Override
    public void deleteDevice(UUID deviceId) {
        db.write(tx -> {
            tx.write("DELETE FROM ts_kv WHERE device_id = ?", s -> dialect.setUuid(s, 1, deviceId));
            tx.write("DELETE FROM ts_latest WHERE device_id = ?", s -> dialect.setUuid(s, 1, deviceId));
            return null;
        });
    }

    private static TsEntry latestEntry(ResultSet rows) throws SQLException {
        return new TsEntry(rows.getLong(2), rows.getString(1), KvColumns.read(rows, 3));
    }
}
