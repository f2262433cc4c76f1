package io.petrel.store.postgresql;

import com.zaxxer.hikari.HikariDataSource;
import io.petrel.api.store.StoreException;
import io.petrel.store.jdbc.GroupCommitWriter;
import io.petrel.store.jdbc.SchemaMigrator;
import io.petrel.store.platform.Dialect;
import io.petrel.store.platform.PlatformDatabase;
import java.util.Map;

/**
 * The device platform's data in PostgreSQL, in the broker's database with tables and a schema history of its
 * own, through a pool of its own: one connection for the group-commit writer, the others for reads.
 *
 * <p>Batches are not rewritten into multi-row statements: two upserts of one key in a multi-row statement fail
 * ("cannot affect row a second time"), and two attribute saves of one device may share a batch.
 */
public final class PostgresPlatformDatabase {
    private PostgresPlatformDatabase() {
    }

    /**
     * Connects, checks the platform's schema version and migrates.
     *
     * @throws StoreException if the server cannot be reached or its schema is not one this Petrel knows
     */
    public static PlatformDatabase open(PostgresOptions options) {
        String description = options.safeUrl();
        HikariDataSource pool = PostgresPool.open(options, "petrel-platform",
                Map.of("ApplicationName", "petrel-platform"));
        try {
            new SchemaMigrator("db/platform/postgresql", PlatformDatabase.HISTORY_TABLE, pool, description).migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        GroupCommitWriter writer = new GroupCommitWriter(description + " (platform)", () -> PostgresPool.borrow(pool),
                options.limits().maxBatch(), options.limits().maxPending());
        return new PlatformDatabase(description, writer, pool, Dialect.POSTGRESQL, pool::close);
    }
}
