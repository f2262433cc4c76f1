package io.petrel.store.platform;

import io.petrel.api.store.platform.AttributeEntry;
import io.petrel.api.store.platform.AttributeScope;
import io.petrel.api.store.platform.AttributeStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

/** Attributes in SQL, one row per device, scope and key. */
final class JdbcAttributeStore implements AttributeStore {
    private static final String SELECT = "SELECT key, type, long_v, dbl_v, str_v, last_update_ts FROM attributes "
            + "WHERE device_id = ? AND scope = ?";
    private static final String UPSERT = "INSERT INTO attributes (device_id, scope, key, type, long_v, dbl_v, str_v, "
            + "last_update_ts) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (device_id, scope, key) DO UPDATE SET "
            + "type = excluded.type, long_v = excluded.long_v, dbl_v = excluded.dbl_v, str_v = excluded.str_v, "
            + "last_update_ts = excluded.last_update_ts";

    private final PlatformDatabase db;
    private final Dialect dialect;

    JdbcAttributeStore(PlatformDatabase db) {
        this.db = db;
        this.dialect = db.dialect();
    }

    @Override
    public void save(UUID deviceId, AttributeScope scope, List<AttributeEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        db.write(tx -> {
            for (AttributeEntry entry : entries) {
                tx.write(UPSERT, s -> {
                    dialect.setUuid(s, 1, deviceId);
                    s.setInt(2, scope.ordinal());
                    s.setString(3, entry.key());
                    KvColumns.bind(s, 4, entry.value());
                    s.setLong(8, entry.lastUpdateTs());
                });
            }
            return null;
        });
    }

    @Override
    public List<AttributeEntry> find(UUID deviceId, AttributeScope scope) {
        return db.read(c -> Sql.list(c, SELECT + " ORDER BY key", s -> {
            dialect.setUuid(s, 1, deviceId);
            s.setInt(2, scope.ordinal());
        }, JdbcAttributeStore::entry));
    }

    @Override
    public List<AttributeEntry> find(UUID deviceId, AttributeScope scope, Collection<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        List<String> distinct = new ArrayList<>(new TreeSet<>(keys));
        return db.read(c -> Sql.list(c, SELECT + " AND key IN (" + placeholders(distinct.size()) + ") ORDER BY key",
                s -> {
                    dialect.setUuid(s, 1, deviceId);
                    s.setInt(2, scope.ordinal());
                    for (int i = 0; i < distinct.size(); i++) {
                        s.setString(3 + i, distinct.get(i));
                    }
                }, JdbcAttributeStore::entry));
    }

    @Override
    public List<String> delete(UUID deviceId, AttributeScope scope, Collection<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        List<String> distinct = new ArrayList<>(new TreeSet<>(keys));
        return db.write(tx -> {
            List<String> existing = Sql.list(tx, "SELECT key FROM attributes WHERE device_id = ? AND scope = ? "
                    + "AND key IN (" + placeholders(distinct.size()) + ") ORDER BY key", s -> {
                        dialect.setUuid(s, 1, deviceId);
                        s.setInt(2, scope.ordinal());
                        for (int i = 0; i < distinct.size(); i++) {
                            s.setString(3 + i, distinct.get(i));
                        }
                    }, rows -> rows.getString(1));
            for (String key : existing) {
                tx.write("DELETE FROM attributes WHERE device_id = ? AND scope = ? AND key = ?", s -> {
                    dialect.setUuid(s, 1, deviceId);
                    s.setInt(2, scope.ordinal());
                    s.setString(3, key);
                });
            }
            return existing;
        });
    }

    @Override
    public void deleteDevice(UUID deviceId) {
        db.write(tx -> {
            tx.write("DELETE FROM attributes WHERE device_id = ?", s -> dialect.setUuid(s, 1, deviceId));
            return null;
        });
    }

    private static AttributeEntry entry(ResultSet rows) throws SQLException {
        return new AttributeEntry(rows.getString(1), KvColumns.read(rows, 2), rows.getLong(6));
    }

    /** {@code ?, ?, ?} for a list of values. */
    static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
