package io.petrel.store.postgresql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.petrel.api.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/** The HikariCP pools the PostgreSQL stores connect through: the broker's store and the platform's have one each. */
final class PostgresPool {
    private PostgresPool() {
    }

    /**
     * Opens a pool of at most {@link PostgresOptions#poolSize()} connections.
     *
     * @param name the pool's name in HikariCP's logs and threads
     * @param properties properties of the JDBC driver, such as the {@code ApplicationName} the server shows
     * @throws StoreException if the server cannot be reached
     */
    static HikariDataSource open(PostgresOptions options, String name, Map<String, String> properties) {
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
        config.setPoolName(name);
        config.setConnectionTimeout(10_000);
        properties.forEach(config::addDataSourceProperty);
        try {
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new StoreException(options.safeUrl() + ": cannot connect to PostgreSQL: " + cause.getMessage(), e);
        }
    }

    /** A connection whose transactions the borrower commits itself, as the group-commit writer does. */
    static Connection borrow(HikariDataSource pool) throws SQLException {
        Connection connection = pool.getConnection();
        connection.setAutoCommit(false);
        return connection;
    }
}
