package io.petrel.store.platform;

import io.petrel.api.store.platform.ApiKey;
import io.petrel.api.store.platform.ApiKeyStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** API keys in SQL. */
final class JdbcApiKeyStore implements ApiKeyStore {
    private static final String SELECT = "SELECT id, name, organization, secret_hash, created_by, created_at "
            + "FROM api_keys";

    private final PlatformDatabase db;

    JdbcApiKeyStore(PlatformDatabase db) {
        this.db = db;
    }

    @Override
    public Optional<ApiKey> find(String id) {
        List<ApiKey> keys = db.read(c -> Sql.list(c, SELECT + " WHERE id = ?", s -> s.setString(1, id),
                JdbcApiKeyStore::key));
        return keys.isEmpty() ? Optional.empty() : Optional.of(keys.get(0));
    }

    @Override
    public List<ApiKey> list(@Nullable String organization) {
        return organization == null
                ? db.read(c -> Sql.list(c, SELECT + " ORDER BY id", s -> { }, JdbcApiKeyStore::key))
                : db.read(c -> Sql.list(c, SELECT + " WHERE organization = ? ORDER BY id",
                        s -> s.setString(1, organization), JdbcApiKeyStore::key));
    }

    @Override
    public boolean create(ApiKey key) {
        return db.write(tx -> {
            if (Sql.exists(tx, "SELECT 1 FROM api_keys WHERE id = ?", s -> s.setString(1, key.id()))) {
                return false;
            }
            tx.write("INSERT INTO api_keys (id, name, organization, secret_hash, created_by, created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", s -> {
                        s.setString(1, key.id());
                        s.setString(2, key.name());
                        s.setString(3, key.organization());
                        s.setString(4, key.secretHash());
                        s.setString(5, key.createdBy());
                        s.setLong(6, key.createdAtMillis());
                    });
            return true;
        });
    }

    @Override
    public boolean delete(String id) {
        return db.write(tx -> {
            if (!Sql.exists(tx, "SELECT 1 FROM api_keys WHERE id = ?", s -> s.setString(1, id))) {
                return false;
            }
            tx.write("DELETE FROM api_keys WHERE id = ?", s -> s.setString(1, id));
            return true;
        });
    }

    private static ApiKey key(ResultSet rows) throws SQLException {
        return new ApiKey(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                rows.getString(5), rows.getLong(6));
    }
}
