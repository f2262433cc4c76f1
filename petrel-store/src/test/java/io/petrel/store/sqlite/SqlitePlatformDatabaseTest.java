package io.petrel.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.petrel.api.store.StoreException;
import io.petrel.api.store.platform.AttributeEntry;
import io.petrel.api.store.platform.AttributeScope;
import io.petrel.api.store.platform.KvValue;
import io.petrel.api.store.platform.SortOrder;
import io.petrel.api.store.platform.TsEntry;
import io.petrel.api.store.platform.TsPoint;
import io.petrel.store.WriterLimits;
import io.petrel.store.platform.PlatformDatabase;
import io.petrel.store.platform.PlatformFixtures;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the platform's SQLite file does beyond the contracts: survive a reopen, share commits, know its version. */
class SqlitePlatformDatabaseTest {
    @TempDir
    Path dir;
    private PlatformDatabase database;

    private Path file() {
        return dir.resolve(SqlitePlatformDatabase.FILE_NAME);
    }

    private PlatformDatabase open() {
        database = SqlitePlatformDatabase.open(new SqliteOptions(file(), true, WriterLimits.DEFAULT));
        return database;
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void everythingSurvivesAReopen() {
        PlatformFixtures.Written written = PlatformFixtures.writeEverything(open());
        database.close();
        PlatformFixtures.assertEverythingIsThere(open(), written);
    }

    @Test
    void aTelemetryBatchOfManyDevicesIsOneCommitAndReadsBackInOrder() {
        open();
        List<UUID> devices = new ArrayList<>();
        List<TsPoint> points = new ArrayList<>();
        for (int d = 0; d < 100; d++) {
            UUID device = UUID.randomUUID();
            devices.add(device);
            for (int t = 0; t < 10; t++) {
                for (int k = 0; k < 10; k++) {
                    points.add(new TsPoint(device, 1_000 + t, "k" + k, KvValue.of((long) d * 100 + t)));
                }
            }
        }
        long commits = database.writerStats().commits();
        database.telemetry().append(points);
        assertThat(database.writerStats().commits()).isEqualTo(commits + 1);
        UUID last = devices.get(99);
        assertThat(database.telemetry().range(last, "k7", 0, 2_000, 3, SortOrder.DESCENDING))
                .containsExactly(new TsEntry(1_009, "k7", KvValue.of(9_909L)), new TsEntry(1_008, "k7",
                        KvValue.of(9_908L)), new TsEntry(1_007, "k7", KvValue.of(9_907L)));
        assertThat(database.telemetry().latest(devices.get(0))).hasSize(10)
                .allSatisfy(entry -> assertThat(entry.ts()).isEqualTo(1_009));
    }

    @Test
    void concurrentWritesShareCommits() throws Exception {
        open();
        UUID device = UUID.randomUUID();
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                int thread = t;
                writes.add(threads.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        database.attributes().save(device, AttributeScope.SERVER,
                                List.of(new AttributeEntry("t" + thread, KvValue.of((long) i), i)));
                    }
                }));
            }
            for (Future<?> write : writes) {
                write.get();
            }
        } finally {
            threads.shutdown();
        }
        assertThat(database.attributes().find(device, AttributeScope.SERVER)).hasSize(16)
                .allSatisfy(entry -> assertThat(entry.value()).isEqualTo(KvValue.of(99L)));
        assertThat(database.writerStats().units()).isGreaterThanOrEqualTo(1600);
        assertThat(database.writerStats().commits()).isLessThan(database.writerStats().units());
    }

    @Test
    void thePlatformHasItsOwnFileAndSchemaHistoryBesideTheBrokers() throws SQLException {
        SqliteBrokerStore broker = SqliteBrokerStore.open(SqliteOptions.inDataDir(dir));
        try {
            open();
            assertThat(SqliteFile.query(file(), "PRAGMA journal_mode")).containsExactly("wal");
            assertThat(SqliteFile.query(file(), "SELECT version FROM " + PlatformDatabase.HISTORY_TABLE
                    + " WHERE success = 1")).containsExactly("1");
            assertThat(SqliteFile.query(file(), "SELECT name FROM sqlite_master WHERE name = 'sessions'"))
                    .as("no broker tables here").isEmpty();
        } finally {
            broker.close();
        }
    }

    @Test
    void aFileFromANewerPetrelIsRefusedWithAClearMessage() throws SQLException {
        open().close();
        database = null;
        SqliteFile.update(file(), "INSERT INTO " + PlatformDatabase.HISTORY_TABLE + " (installed_rank, version, "
                + "description, type, script, checksum, installed_by, execution_time, success) VALUES (99, '99', "
                + "'from the future', 'SQL', 'V99__future.sql', 1, 'petrel', 0, 1)");
        assertThatThrownBy(this::open).isInstanceOf(StoreException.class)
                .hasMessageContaining("schema version 99 was written by a newer Petrel");
        database = null;
    }

    @Test
    void aMissingDirectoryIsAClearError() {
        assertThatThrownBy(() -> SqlitePlatformDatabase.open(new SqliteOptions(dir.resolve("missing/platform.db"),
                true, WriterLimits.DEFAULT))).isInstanceOf(StoreException.class)
                .hasMessageContaining("the directory does not exist");
    }
}
