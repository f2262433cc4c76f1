package io.petrel.store.sqlite;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.petrel.api.store.StoreException;
import io.petrel.store.jdbc.GroupCommitWriter;
import io.petrel.store.jdbc.SchemaMigrator;
import io.petrel.store.platform.Dialect;
import io.petrel.store.platform.PlatformDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The device platform's data in its own SQLite file in WAL mode, beside the broker's. A file of its own has a
 * write lock of its own: telemetry ingest never waits for the broker's commits, nor they for it. One writer
 * thread commits in groups; reads share a small pool of connections, which WAL lets run beside the writer.
 */
public final class SqlitePlatformDatabase {
    /** The default name of the file in the data directory. */
    public static final String FILE_NAME = "platform.db";
    private static final int READERS = 4;
    /**
     * Pages the WAL may hold before it is copied back into the file: 64 MiB, not SQLite's 4 MiB. Telemetry from
     * many devices touches many pages per commit; between two checkpoints a page that several commits changed is
     * copied back once, which doubles what the file ingests per second.
     */
    private static final int CHECKPOINT_PAGES = 16_384;

    private SqlitePlatformDatabase() {
    }

    /** The options of the platform's file in a data directory, with the broker store's fsync and limits. */
    public static SqliteOptions inDataDir(Path dataDir, SqliteOptions broker) {
        return new SqliteOptions(dataDir.resolve(FILE_NAME), broker.fsync(), broker.limits());
    }

    /**
     * Opens the database, creating the file if needed and migrating its schema.
     *
     * @throws StoreException if the directory is missing, or the file is not a Petrel platform database of a
     *     version this Petrel knows
     */
    public static PlatformDatabase open(SqliteOptions options) {
        Path file = options.file().toAbsolutePath();
        String description = file.toString();
        if (!Files.isDirectory(file.getParent())) {
            throw new StoreException(description + ": the directory does not exist");
        }
        String url = "jdbc:sqlite:" + file;
        SQLiteDataSource migrations = new SQLiteDataSource(SqliteBrokerStore.config(options.fsync()));
        migrations.setUrl(url);
        new SchemaMigrator("db/platform/sqlite", PlatformDatabase.HISTORY_TABLE, migrations, description).migrate();
        SQLiteConfig writeConfig = SqliteBrokerStore.config(options.fsync());
        GroupCommitWriter writer = new GroupCommitWriter(description, () -> {
            Connection connection = writeConfig.createConnection(url);
            try (Statement pragma = connection.createStatement()) {
                pragma.execute("PRAGMA wal_autocheckpoint = " + CHECKPOINT_PAGES);
            }
            connection.setAutoCommit(false);
            return connection;
        }, options.limits().maxBatch(), options.limits().maxPending());
        SQLiteDataSource readSource = new SQLiteDataSource(SqliteBrokerStore.config(options.fsync()));
        readSource.setUrl(url);
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(readSource);
        pool.setMaximumPoolSize(READERS);
        pool.setMinimumIdle(1);
        pool.setPoolName("petrel-platform-readers");
        HikariDataSource readers;
        try {
            readers = new HikariDataSource(pool);
        } catch (RuntimeException e) {
            writer.close();
            throw new StoreException(description + ": cannot open: " + e.getMessage(), e);
        }
        return new PlatformDatabase(description, writer, readers, Dialect.SQLITE, readers::close);
    }
}
