package io.petrel.store.postgresql;

import com.zaxxer.hikari.HikariDataSource;
import io.petrel.api.store.StoreException;
import io.petrel.store.jdbc.GroupCommitWriter;
import io.petrel.store.jdbc.JdbcBrokerStore;
import io.petrel.store.jdbc.SchemaMigrator;
import java.sql.Connection;
import java.util.List;
import java.util.Map;

/**
 * The store for larger installs: PostgreSQL through a HikariCP pool. One writer thread commits in groups on
 * one pooled connection, with JDBC batches rewritten into multi-row inserts; loading and checking borrow
 * other connections.
 */
public final class PostgresBrokerStore extends JdbcBrokerStore {
    private final HikariDataSource pool;

    private PostgresBrokerStore(String description, GroupCommitWriter writer, HikariDataSource pool) {
        super(description, writer, () -> PostgresPool.borrow(pool));
        this.pool = pool;
    }

    /**
     * Connects, checks the schema version and migrates.
     *
     * @throws StoreException if the server cannot be reached or its schema is not one this Petrel knows
     */
    public static PostgresBrokerStore open(PostgresOptions options) {
        String description = options.safeUrl();
        HikariDataSource pool = pool(options);
        try {
            new SchemaMigrator("postgresql", pool, description).migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        GroupCommitWriter writer = new GroupCommitWriter(description, () -> PostgresPool.borrow(pool),
                options.limits().maxBatch(), options.limits().maxPending());
        return new PostgresBrokerStore(description, writer, pool);
    }

    /**
     * Checks a store's schema version without migrating it.
     *
     * @return null if it is at the version this Petrel expects, else what is wrong
     */
    public static @org.jspecify.annotations.Nullable String versionProblem(PostgresOptions options) {
        try (HikariDataSource pool = pool(options)) {
            return new SchemaMigrator("postgresql", pool, options.safeUrl()).problem();
        }
    }

    private static HikariDataSource pool(PostgresOptions options) {
        return PostgresPool.open(options, "petrel-store", Map.of("reWriteBatchedInserts", "true",
                "ApplicationName", "petrel"));
    }

    @Override
    protected List<String> engineCheck(Connection connection) {
        // PostgreSQL checks its own pages as it reads them; there is no whole-database check without extensions.
        return List.of();
    }

    @Override
    protected void release() {
        pool.close();
    }
}
