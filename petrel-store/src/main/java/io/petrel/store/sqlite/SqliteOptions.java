package io.petrel.store.sqlite;

import io.petrel.store.WriterLimits;
import java.nio.file.Path;

/**
 * How to open a SQLite store.
 *
 * @param file the database file, created if missing; its directory must exist
 * @param fsync whether each commit waits for the disk ({@code synchronous=FULL}). Without it
 *     ({@code NORMAL}), a killed process still loses nothing, but a power cut may lose the last commits.
 * @param limits the writer's batch size and queue bound
 */
public record SqliteOptions(Path file, boolean fsync, WriterLimits limits) {
    /** The default name of the database file in the data directory. */
    public static final String FILE_NAME = "petrel.db";

    /** A store in {@code petrel.db} in the data directory, syncing every commit. */
    public static SqliteOptions inDataDir(Path dataDir) {
        return new SqliteOptions(dataDir.resolve(FILE_NAME), true, WriterLimits.DEFAULT);
    }
}
