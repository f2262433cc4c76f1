package io.petrel.store.postgresql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.petrel.api.store.StoreException;
import io.petrel.store.WriterLimits;
import io.petrel.store.platform.PlatformDatabase;
import io.petrel.store.platform.PlatformFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The platform's tables in PostgreSQL beside the broker's: a reopen keeps everything, versions are checked. */
class PostgresPlatformDatabaseTest {
    private PostgresTestDatabase schema;
    private PlatformDatabase database;

    @BeforeEach
    void createSchema() {
        schema = PostgresTestDatabase.create();
    }

    private PostgresOptions options() {
        return new PostgresOptions(schema.url(), null, null, 4, WriterLimits.DEFAULT);
    }

    @AfterEach
    void dropSchema() {
        if (database != null) {
            database.close();
        }
        if (schema != null) {
            schema.drop();
        }
    }

    @Test
    void theBrokersAndThePlatformsTablesShareADatabaseAndSurviveAReopen() {
        try (PostgresBrokerStore broker = PostgresBrokerStore.open(options())) {
            database = PostgresPlatformDatabase.open(options());
            PlatformFixtures.Written written = PlatformFixtures.writeEverything(database);
            database.close();
            database = PostgresPlatformDatabase.open(options());
            PlatformFixtures.assertEverythingIsThere(database, written);
            assertThat(broker.check()).isEmpty();
        }
    }

    @Test
    void aDatabaseFromANewerPetrelIsRefusedWithAClearMessage() {
        PostgresPlatformDatabase.open(options()).close();
        schema.execute("INSERT INTO " + PlatformDatabase.HISTORY_TABLE + " (installed_rank, version, description, "
                + "type, script, checksum, installed_by, execution_time, success) VALUES (99, '99', "
                + "'from the future', 'SQL', 'V99__future.sql', 1, 'petrel', 0, true)");
        assertThatThrownBy(() -> PostgresPlatformDatabase.open(options())).isInstanceOf(StoreException.class)
                .hasMessageContaining("schema version 99 was written by a newer Petrel");
    }

    @Test
    void anUnreachableServerIsAClearError() {
        assertThatThrownBy(() -> PostgresPlatformDatabase.open(new PostgresOptions(
                "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2", "u", "secret", 2, WriterLimits.DEFAULT)))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("jdbc:postgresql://127.0.0.1:1/none: cannot connect to PostgreSQL")
                .hasMessageNotContaining("secret");
    }
}
