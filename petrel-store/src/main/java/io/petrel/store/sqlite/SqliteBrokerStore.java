package io.petrel.store.sqlite;

import io.petrel.api.store.StoreException;
import io.petrel.store.jdbc.GroupCommitWriter;
import io.petrel.store.jdbc.JdbcBrokerStore;
import io.petrel.store.jdbc.SchemaMigrator;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The embedded store: one SQLite file in WAL mode. One writer thread owns the only writing connection and
 * commits in groups; loading and checking read on their own connections, which WAL lets run beside the
 * writer.
 */
public final class SqliteBrokerStore extends JdbcBrokerStore {
    private static final int CACHE_KIB = 32 * 1024;

    private SqliteBrokerStore(String description, GroupCommitWriter writer, SQLiteConfig readConfig, String url) {
        super(description, writer, () -> open(readConfig, url));
    }

    /**
     * Opens the store, creating the file if needed and migrating its schema.
     *
     * @throws StoreException if the directory is missing, the file is not a Petrel database of a version this
     *     Petrel knows, or SQLite cannot open it
     */
    public static SqliteBrokerStore open(SqliteOptions options) {
        String description = options.file().toAbsolutePath().toString();
        if (!Files.isDirectory(options.file().toAbsolutePath().getParent())) {
            throw new StoreException(description + ": the directory does not exist");
        }
        String url = "jdbc:sqlite:" + options.file().toAbsolutePath();
        // Deferred transactions: the driver begins the next one right after each commit, and an immediate one
        // would hold the write lock between batches, shutting out every other writer (sqlite3, migrations).
        SQLiteConfig writeConfig = config(options.fsync());
        SQLiteDataSource migrations = new SQLiteDataSource(config(options.fsync()));
        migrations.setUrl(url);
        new SchemaMigrator("sqlite", migrations, description).migrate();
        GroupCommitWriter writer = new GroupCommitWriter(description, () -> open(writeConfig, url),
                options.limits().maxBatch(), options.limits().maxPending());
        return new SqliteBrokerStore(description, writer, config(options.fsync()), url);
    }

    /**
     * Checks a store's schema version without migrating it.
     *
     * @return null if it is at the version this Petrel expects, else what is wrong
     */
    public static @org.jspecify.annotations.Nullable String versionProblem(SqliteOptions options) {
        SQLiteDataSource source = new SQLiteDataSource(config(options.fsync()));
        source.setUrl("jdbc:sqlite:" + options.file().toAbsolutePath());
        return new SchemaMigrator("sqlite", source, options.file().toAbsolutePath().toString()).problem();
    }

    /** The connection settings of Petrel's SQLite files: WAL, the given sync mode, a 32 MiB page cache. */
    static SQLiteConfig config(boolean fsync) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(fsync ? SQLiteConfig.SynchronousMode.FULL : SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(10_000);
        config.setCacheSize(-CACHE_KIB);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        return config;
    }

    private static Connection open(SQLiteConfig config, String url) throws SQLException {
        Connection connection = config.createConnection(url);
        connection.setAutoCommit(false);
        return connection;
    }

    @Override
    protected List<String> engineCheck(Connection connection) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("PRAGMA integrity_check");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String line = rows.getString(1);
                if (!"ok".equals(line)) {
                    problems.add("SQLite integrity check: " + line);
                }
            }
        }
        return problems;
    }

    @Override
    protected void release() {
        // The writer closed the only long-lived connection; readers close their own.
    }
}
