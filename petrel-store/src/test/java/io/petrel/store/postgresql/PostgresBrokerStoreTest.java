package io.petrel.store.postgresql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.petrel.api.store.BrokerStore;
import io.petrel.api.store.StoreException;
import io.petrel.store.BrokerStoreContract;
import io.petrel.store.WriterLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PostgresBrokerStoreTest extends BrokerStoreContract {
    private PostgresTestDatabase database;

    private PostgresOptions options() {
        return new PostgresOptions(database.url(), null, null, 4, WriterLimits.DEFAULT);
    }

    @Override
    protected BrokerStore open() {
        database = PostgresTestDatabase.create();
        return PostgresBrokerStore.open(options());
    }

    @Override
    protected boolean durable() {
        return true;
    }

    @Override
    protected BrokerStore reopen(BrokerStore closed) {
        closed.close();
        return PostgresBrokerStore.open(options());
    }

    @AfterEach
    void dropSchema() {
        if (database != null) {
            database.drop();
        }
    }

    @Test
    void theCheckFindsRowsThatBreakPetrelsInvariants() {
        await(store.saveSession("c1", 60, -1));
        await(store.enqueue("c1", queued(1, 1, "t")));
        database.execute("INSERT INTO queue (client_id, seq, message_id, qos, retain, packet_id, stage) "
                + "VALUES ('ghost', 1, 1, 1, 0, 0, 0)");
        database.execute("INSERT INTO wills VALUES ('ghost', 'w', '\\x00', 0, 0, NULL, 0, NULL, 0)");
        database.execute("INSERT INTO queue (client_id, seq, message_id, qos, retain, packet_id, stage) "
                + "VALUES ('c1', 2, 1, 1, 0, 9, 1), ('c1', 3, 1, 1, 0, 9, 2)");

        assertThat(store.check()).containsExactlyInAnyOrder(
                "1 x queued message of a missing session: ghost / 1",
                "1 x will of a missing session: ghost / w",
                "1 x two in-flight messages of a session under one packet id: c1 / 9");
    }

    @Test
    void aDatabaseFromANewerPetrelIsRefusedWithAClearMessage() {
        store.close();
        database.execute("INSERT INTO petrel_schema_history (installed_rank, version, description, type, script, "
                + "checksum, installed_by, execution_time, success) VALUES (99, '99', 'from the future', 'SQL', "
                + "'V99__future.sql', 1, 'petrel', 0, true)");

        assertThatThrownBy(() -> PostgresBrokerStore.open(options())).isInstanceOf(StoreException.class)
                .hasMessageContaining("schema version 99 was written by a newer Petrel");
        assertThat(PostgresBrokerStore.versionProblem(options())).contains("newer Petrel");
        store = PostgresBrokerStore.open(new PostgresOptions(PostgresTestDatabase.create().url(), null, null, 2,
                WriterLimits.DEFAULT));
    }

    @Test
    void anUnreachableServerIsAClearError() {
        assertThatThrownBy(() -> PostgresBrokerStore.open(new PostgresOptions(
                "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2", "u", "secret", 2, WriterLimits.DEFAULT)))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("jdbc:postgresql://127.0.0.1:1/none: cannot connect to PostgreSQL")
                .hasMessageNotContaining("secret");
    }
}
