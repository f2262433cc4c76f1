package io.petrel.it.bench;

import io.petrel.platform.PlatformStores;
import io.petrel.store.WriterLimits;
import io.petrel.store.platform.PlatformDatabase;
import io.petrel.store.postgresql.PostgresOptions;
import io.petrel.store.postgresql.PostgresPlatformDatabase;
import io.petrel.store.postgresql.PostgresTestDatabase;
import io.petrel.store.sqlite.SqliteOptions;
import io.petrel.store.sqlite.SqlitePlatformDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Locale;

/**
 * The stores the ingest benchmark runs on, chosen by name: {@code memory}, {@code sqlite} (a fresh file in a
 * temporary directory, each commit synced to disk as the server's default does) or {@code postgresql} (a fresh
 * schema on the server {@code PETREL_TEST_POSTGRESQL_URL} names, which scripts/bench-ingest.sh starts).
 */
final class IngestStores {
    /**
     * Opened stores, and how to close them once the server that used them stopped.
     *
     * @param stores the stores
     * @param closer closes the database
     */
    record Opened(PlatformStores stores, AutoCloseable closer) {
    }

    private IngestStores() {
    }

    static Opened open(String name) throws IOException {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "memory" -> new Opened(PlatformStores.inMemory(), () -> { });
            case "sqlite" -> database(SqlitePlatformDatabase.open(new SqliteOptions(
                    Files.createTempDirectory("petrel-ingest").resolve(SqlitePlatformDatabase.FILE_NAME), true,
                    WriterLimits.DEFAULT)), () -> { });
            case "postgresql" -> {
                PostgresTestDatabase schema = PostgresTestDatabase.create();
                yield database(PostgresPlatformDatabase.open(new PostgresOptions(schema.url(), null, null, 4,
                        WriterLimits.DEFAULT)), schema::drop);
            }
            default -> throw new IllegalArgumentException("unknown store \"" + name
                    + "\"; this build has: memory, sqlite, postgresql");
        };
    }

    private static Opened database(PlatformDatabase database, Runnable afterClose) {
        return new Opened(new PlatformStores(database.registry(), database.attributes(), database.telemetry()), () -> {
            database.close();
            afterClose.run();
        });
    }
}
