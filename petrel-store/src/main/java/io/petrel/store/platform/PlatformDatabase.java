package io.petrel.store.platform;

import io.petrel.api.store.StoreException;
import io.petrel.api.store.platform.ApiKeyStore;
import io.petrel.api.store.platform.AttributeStore;
import io.petrel.api.store.platform.RegistryStore;
import io.petrel.api.store.platform.TelemetryStore;
import io.petrel.store.jdbc.GroupCommitWriter;
import io.petrel.store.jdbc.Work;
import io.petrel.store.jdbc.WriterStats;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;
import javax.sql.DataSource;

/**
 * The device platform's data in one SQL database: the four stores, one group-commit writer that every write
 * goes through, and a pool of connections for reads.
 *
 * <p>The platform's store interfaces are synchronous: a write returns once it is committed, so a read that
 * follows it, on any connection, sees it. Writes made at the same time by the platform's worker threads and its
 * telemetry writer share commits.
 */
public final class PlatformDatabase implements AutoCloseable {
    /** The table where the platform's schema versions are recorded, apart from the broker's. */
    public static final String HISTORY_TABLE = "petrel_platform_schema_history";

    /** Reads on a connection of the pool. */
    @FunctionalInterface
    interface Read<T> {
        T run(Connection connection) throws SQLException;
    }

    private final String description;
    private final GroupCommitWriter writer;
    private final DataSource readers;
    private final Dialect dialect;
    private final AutoCloseable release;
    private final JdbcRegistryStore registry;
    private final JdbcAttributeStore attributes;
    private final JdbcTelemetryStore telemetry;
    private final JdbcApiKeyStore apiKeys;

    /**
     * @param description the database, for messages
     * @param writer the writer, on the only connection that writes
     * @param readers connections for reads
     * @param release closes the connections once the writer has stopped
     */
    public PlatformDatabase(String description, GroupCommitWriter writer, DataSource readers, Dialect dialect,
            AutoCloseable release) {
        this.description = description;
        this.writer = writer;
        this.readers = readers;
        this.dialect = dialect;
        this.release = release;
        this.registry = new JdbcRegistryStore(this);
        this.attributes = new JdbcAttributeStore(this);
        this.telemetry = new JdbcTelemetryStore(this);
        this.apiKeys = new JdbcApiKeyStore(this);
    }

    public RegistryStore registry() {
        return registry;
    }

    public AttributeStore attributes() {
        return attributes;
    }

    public TelemetryStore telemetry() {
        return telemetry;
    }

    public ApiKeyStore apiKeys() {
        return apiKeys;
    }

    /** Where the data is, for messages. */
    public String describe() {
        return description;
    }

    /** The writer's counters. */
    public WriterStats writerStats() {
        return writer.stats();
    }

    Dialect dialect() {
        return dialect;
    }

    /**
     * Runs a write and waits for its commit.
     *
     * @throws StoreException if it failed
     */
    <T> T write(Work<T> work) {
        try {
            return writer.submit(work).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof StoreException store ? store
                    : new StoreException(description + ": write failed: " + e.getCause(), e.getCause());
        }
    }

    /**
     * Runs a read on a connection of the pool.
     *
     * @throws StoreException if it failed
     */
    <T> T read(Read<T> read) {
        try (Connection connection = readers.getConnection()) {
            return read.run(connection);
        } catch (SQLException e) {
            throw new StoreException(description + ": read failed: " + e.getMessage(), e);
        }
    }

    /** Commits what is queued, then closes the connections. */
    @Override
    public void close() {
        writer.close();
        try {
            release.close();
        } catch (Exception e) {
            throw new StoreException(description + ": closing failed: " + e.getMessage(), e);
        }
    }
}
