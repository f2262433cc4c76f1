package io.petrel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.petrel.api.store.StoredSubscription;
import io.petrel.store.sqlite.SqliteBrokerStore;
import io.petrel.store.sqlite.SqliteOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class StoreCommandTest {
    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void capture() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    @Test
    void aSoundStoreChecksOk() {
        try (SqliteBrokerStore store = SqliteBrokerStore.open(SqliteOptions.inDataDir(dataDir))) {
            store.saveSession("c1", 60, -1);
            store.saveSubscription("c1", new StoredSubscription("a/#", 1, false, false, 0, 0));
        }
        assertThat(check()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("petrel.db: ok");
    }

    @Test
    void brokenInvariantsAreListedAndFailTheCheck() throws Exception {
        SqliteBrokerStore.open(SqliteOptions.inDataDir(dataDir)).close();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("petrel.db"));
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO subscriptions VALUES ('ghost', 'a/#', 1, 0, 0, 0, 0)");
        }
        assertThat(check()).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 problem(s)")
                .contains("subscription of a missing session: ghost / a/#");
    }

    @Test
    void aMissingStoreCannotBeChecked() {
        assertThat(check()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("petrel.db: no such store");
    }

    @Test
    void theMemoryModeHasNothingToCheck() {
        assertThat(new CommandLine(new PetrelCommand()).execute("store", "check", "--data-dir", dataDir.toString(),
                "--set", "store.durability=memory")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("there is no stored state");
    }

    private int check() {
        return new CommandLine(new PetrelCommand()).execute("store", "check", "--data-dir", dataDir.toString());
    }
}
