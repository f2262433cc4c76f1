package io.petrel.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.petrel.api.store.BrokerStore;
import io.petrel.api.store.StoreException;
import io.petrel.store.BrokerStoreContract;
import io.petrel.store.WriterLimits;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteBrokerStoreTest extends BrokerStoreContract {
    @TempDir
    Path dir;

    private SqliteOptions options() {
        return new SqliteOptions(dir.resolve("petrel.db"), true, WriterLimits.DEFAULT);
    }

    @Override
    protected BrokerStore open() {
        return SqliteBrokerStore.open(options());
    }

    @Override
    protected boolean durable() {
        return true;
    }

    @Override
    protected BrokerStore reopen(BrokerStore closed) {
        closed.close();
        return open();
    }

    @Test
    void theDatabaseIsInWalMode() throws SQLException {
        assertThat(SqliteFile.query(options().file(), "PRAGMA journal_mode")).containsExactly("wal");
    }

    @Test
    void concurrentWritesShareCommits() {
        await(store.saveSession("c1", 60, -1));
        List<CompletionStage<Void>> stages = new ArrayList<>();
        for (int seq = 1; seq <= 2000; seq++) {
            stages.add(store.enqueue("c1", queued(seq, seq, "t")));
        }
        stages.forEach(BrokerStoreContract::await);
        SqliteBrokerStore sqlite = (SqliteBrokerStore) store;
        assertThat(sqlite.writerStats().units()).isGreaterThanOrEqualTo(2001);
        assertThat(sqlite.writerStats().commits()).isLessThan(sqlite.writerStats().units() / 2);
    }

    @Test
    void theCheckFindsRowsThatBreakPetrelsInvariants() throws SQLException {
        await(store.saveSession("c1", 60, -1));
        await(store.enqueue("c1", queued(1, 1, "t")));
        await(store.flush());
        Path file = options().file();
        SqliteFile.update(file, "INSERT INTO queue (client_id, seq, message_id, qos, retain, packet_id, stage) "
                + "VALUES ('ghost', 1, 1, 1, 0, 0, 0)");
        SqliteFile.update(file, "INSERT INTO queue (client_id, seq, message_id, qos, retain, packet_id, stage) "
                + "VALUES ('c1', 2, 999, 1, 0, 7, 0)");
        SqliteFile.update(file, "INSERT INTO subscriptions VALUES ('ghost', 'x', 1, 0, 0, 0, 0)");

        assertThat(store.check()).containsExactlyInAnyOrder(
                "1 x subscription of a missing session: ghost / x",
                "1 x queued message of a missing session: ghost / 1",
                "1 x queued message without its body: c1 / 2",
                "1 x queued message with a packet id, or in flight without one: c1 / 2");
    }

    @Test
    void aDatabaseFromANewerPetrelIsRefusedWithAClearMessage() throws SQLException {
        store.close();
        SqliteFile.update(options().file(), "INSERT INTO petrel_schema_history (installed_rank, version, description, "
                + "type, script, checksum, installed_by, execution_time, success) VALUES (99, '99', 'from the future', "
                + "'SQL', 'V99__future.sql', 1, 'petrel', 0, 1)");

        assertThatThrownBy(this::open).isInstanceOf(StoreException.class)
                .hasMessageContaining("schema version 99 was written by a newer Petrel")
                .hasMessageContaining("this one knows versions up to 1");
        assertThat(SqliteBrokerStore.versionProblem(options())).contains("newer Petrel");
        store = open(dir.resolve("other.db"));
    }

    @Test
    void aCurrentDatabaseHasNoVersionProblem() {
        assertThat(SqliteBrokerStore.versionProblem(options())).isNull();
    }

    @Test
    void aMissingDirectoryIsAClearError() {
        assertThatThrownBy(() -> open(dir.resolve("missing/petrel.db")))
                .isInstanceOf(StoreException.class).hasMessageContaining("the directory does not exist");
    }

    private BrokerStore open(Path file) {
        return SqliteBrokerStore.open(new SqliteOptions(file, true, WriterLimits.DEFAULT));
    }
}
