package io.petrel.store.postgresql;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PostgreSQL server the tests run against: {@code PETREL_TEST_POSTGRESQL_URL} (or the system property
 * {@code petrel.test.postgresql.url}), which {@code scripts/test.sh} sets after starting a throwaway server.
 * Each test gets a schema of its own, dropped afterwards.
 *
 * <p>Without a URL the tests are skipped with a message, unless {@code PETREL_TEST_POSTGRESQL_REQUIRED} is set
 * (as {@code scripts/test.sh} and so CI do): then they fail, so that a missing server is never mistaken for a
 * pass.
 */
public final class PostgresTestDatabase {
    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    private final String baseUrl;
    private final String schema;

    private PostgresTestDatabase(String baseUrl, String schema) {
        this.baseUrl = baseUrl;
        this.schema = schema;
    }

    /** Creates an empty schema on the test server, or skips/fails the test when there is none. */
    public static PostgresTestDatabase create() {
        String url = System.getProperty("petrel.test.postgresql.url", System.getenv("PETREL_TEST_POSTGRESQL_URL"));
        if (url == null || url.isBlank()) {
            String required = System.getenv("PETREL_TEST_POSTGRESQL_REQUIRED");
            if (required != null && !required.isBlank() && !required.equals("false")) {
                fail("PETREL_TEST_POSTGRESQL_REQUIRED is set but PETREL_TEST_POSTGRESQL_URL is not: "
                        + "the PostgreSQL test server did not start (see scripts/lib/postgres.sh)");
            }
            assumeTrue(false, "no PostgreSQL test server: run scripts/test.sh, or set PETREL_TEST_POSTGRESQL_URL");
        }
        String schema = "t" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
        PostgresTestDatabase database = new PostgresTestDatabase(url, schema);
        database.execute("CREATE SCHEMA " + schema);
        return database;
    }

    /** A JDBC URL whose connections work in this test's schema. */
    public String url() {
        return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** Runs a statement in this test's schema. */
    public void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(baseUrl);
                Statement statement = connection.createStatement()) {
            statement.execute("SET search_path TO " + schema);
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Drops the schema and everything in it. */
    public void drop() {
        execute("DROP SCHEMA " + schema + " CASCADE");
    }
}
