package io.petrel.store.platform;

import io.petrel.store.jdbc.Transaction;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The numbers of telemetry keys ({@code ts_keys}), cached: a device fleet uses few distinct keys, and every
 * point needs its key's number. A number is cached only once the transaction that made it committed, so a
 * rolled-back batch leaves nothing behind. Keys are never deleted, so a cached number stays right.
 */
final class TelemetryKeys {
    private final Map<String, Integer> ids = new ConcurrentHashMap<>();

    /** The numbers of keys, creating those that have none, in the writer's transaction. */
    Map<String, Integer> resolve(Transaction tx, Collection<String> keys) throws SQLException {
        Map<String, Integer> resolved = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String key : keys) {
            Integer id = ids.get(key);
            if (id != null) {
                resolved.put(key, id);
            } else {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            for (String key : missing) {
                tx.write("INSERT INTO ts_keys (key) VALUES (?) ON CONFLICT (key) DO NOTHING", s -> s.setString(1, key));
            }
            Sql.list(tx, "SELECT id, key FROM ts_keys WHERE key IN (" + JdbcAttributeStore.placeholders(missing.size())
                    + ")", s -> {
                        for (int i = 0; i < missing.size(); i++) {
                            s.setString(i + 1, missing.get(i));
                        }
                    }, rows -> resolved.put(rows.getString(2), rows.getInt(1)));
        }
        return resolved;
    }

    /** Caches numbers whose transaction committed. */
    void remember(Map<String, Integer> committed) {
        ids.putAll(committed);
    }

    /** The number of a key, or null if no point ever had it. */
    @Nullable Integer find(PlatformDatabase db, String key) {
        Integer id = ids.get(key);
        if (id != null) {
            return id;
        }
        List<Integer> found = db.read(c -> Sql.list(c, "SELECT id FROM ts_keys WHERE key = ?",
                s -> s.setString(1, key), rows -> rows.getInt(1)));
        if (found.isEmpty()) {
            return null;
        }
        ids.put(key, found.get(0));
        return found.get(0);
    }
}
