package io.petrel.store.postgresql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.petrel.api.store.StoreException;
import io.petrel.store.jdbc.GroupCommitWriter;
import io.petrel.store.jdbc.JdbcBrokerStore;
import io.petrel.store.jdbc.SchemaMigrator;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The store for larger installs: PostgreSQL through a HikariCP pool. One writer thread commits in groups on
 * one pooled connection, with JDBC batches rewritten into multi-row inserts; loading and checking borrow
 * other connections.
 */
public final class PostgresBrokerStore extends JdbcBrokerStore {
    private final HikariDataSource pool;

    private PostgresBrokerStore(String description, GroupCommitWriter writer, HikariDataSource pool) {
        super(description, writer, () -> borrow(pool));
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
        GroupCommitWriter writer = new GroupCommitWriter(description, () -> borrow(pool),
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
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(options.url());
        if (options.user() != null) {
            config.setUsername(options.user());
        }
        if (options.password() != null) {
            config.setPassword(options.password());
        }
        config.setMaximumPoolSize(options.poolSize());
        config.setMinimumIdle(1);
        config.setPoolName("petrel-store");
        config.setConnectionTimeout(10_000);
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.addDataSourceProperty("ApplicationName", "petrel");
        try {
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new StoreException(options.safeUrl() + ": cannot connect to PostgreSQL: " + cause.getMessage(), e);
        }
    }

    private static Connection borrow(HikariDataSource pool) throws SQLException {
        Connection connection = pool.getConnection();
        connection.setAutoCommit(false);
        return connection;
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
