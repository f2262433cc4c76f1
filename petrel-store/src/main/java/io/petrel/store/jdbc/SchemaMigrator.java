package io.petrel.store.jdbc;

import io.petrel.api.store.StoreException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a database to the schema this Petrel expects, with Flyway and the versioned scripts under {@code
 * db/migration/<engine>}. Before touching anything it checks the version the database is at: a database
 * written by a newer Petrel, or left half-migrated, is refused with a message that says what to do, since
 * running on it would corrupt it.
 */
public final class SchemaMigrator {
    /** The table where Flyway records the applied migrations. */
    public static final String HISTORY_TABLE = "petrel_schema_history";
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);

    private final Flyway flyway;
    private final String store;

    /**
     * @param engine the script folder: {@code sqlite} or {@code postgresql}
     * @param dataSource where to migrate
     * @param store the store's description, for messages
     */
    public SchemaMigrator(String engine, DataSource dataSource, String store) {
        this.store = store;
        this.flyway = Flyway.configure(SchemaMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + engine)
                .table(HISTORY_TABLE)
                .communityDBSupportEnabled(true)
                .load();
    }

    /**
     * A migrator for another set of tables that shares the database with the broker's: its scripts come from
     * their own folder and its versions are kept in their own history table, so that each set has its own
     * version sequence. Finding the other set's tables, it starts from version 0 rather than refusing a schema
     * that is not empty.
     *
     * @param location the script folder on the class path, such as {@code db/platform/sqlite}
     * @param historyTable the table where this set's applied migrations are recorded
     * @param dataSource where to migrate
     * @param store the store's description, for messages
     */
    public SchemaMigrator(String location, String historyTable, DataSource dataSource, String store) {
        this.store = store;
        this.flyway = Flyway.configure(SchemaMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:" + location)
                .table(historyTable)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .communityDBSupportEnabled(true)
                .load();
    }

    /** The newest schema version this Petrel knows. */
    public String expectedVersion() {
        return latestKnown(info()).getVersion();
    }

    /**
     * Checks the version, then applies the pending migrations.
     *
     * @throws StoreException if the database is newer than this Petrel, a migration failed before, or the
     *     applied scripts differ from this Petrel's
     */
    public void migrate() {
        verify(info());
        try {
            int applied = flyway.migrate().migrationsExecuted;
            if (applied > 0) {
                LOG.info("{}: applied {} schema migration(s); now at version {}", store, applied, expectedVersion());
            }
        } catch (FlywayException e) {
            throw new StoreException(store + ": schema migration failed: " + e.getMessage()
                    + ". Restore the backup taken before this upgrade, or report the error.", e);
        }
    }

    /**
     * Checks the version without changing anything.
     *
     * @return null if the database is at the expected version, else what is wrong
     */
    public @org.jspecify.annotations.Nullable String problem() {
        MigrationInfoService info = info();
        try {
            verify(info);
        } catch (StoreException e) {
            return e.getMessage();
        }
        if (info.pending().length > 0) {
            return store + ": schema version " + currentVersion(info) + " needs migrating to "
                    + expectedVersion() + "; starting the server does that";
        }
        return null;
    }

    private MigrationInfoService info() {
        try {
            return flyway.info();
        } catch (FlywayException e) {
            throw new StoreException(store + ": cannot read the schema version: " + e.getMessage(), e);
        }
    }

    private void verify(MigrationInfoService info) {
        MigrationVersion known = latestKnown(info);
        for (MigrationInfo migration : info.applied()) {
            MigrationState state = migration.getState();
            if (state == MigrationState.FUTURE_SUCCESS || state == MigrationState.FUTURE_FAILED) {
                throw new StoreException(store + ": schema version " + migration.getVersion()
                        + " was written by a newer Petrel; this one knows versions up to " + known
                        + ". Run the newer Petrel, or restore a backup taken before the upgrade.");
            }
            if (state == MigrationState.FAILED) {
                throw new StoreException(store + ": schema migration " + migration.getVersion() + " ("
                        + migration.getDescription() + ") failed earlier and left the database half-migrated. "
                        + "Restore the backup taken before the upgrade.");
            }
            if (migration.isVersioned() && !migration.isChecksumMatching()) {
                throw new StoreException(store + ": schema version " + migration.getVersion()
                        + " was applied from a different script than this Petrel's; the database was not made by "
                        + "this Petrel release. Use the release that made it.");
            }
        }
    }

    private static MigrationVersion latestKnown(MigrationInfoService info) {
        MigrationVersion latest = MigrationVersion.EMPTY;
        for (MigrationInfo migration : info.all()) {
            MigrationState state = migration.getState();
            if (migration.isVersioned() && state != MigrationState.FUTURE_SUCCESS
                    && state != MigrationState.FUTURE_FAILED && migration.getVersion().isNewerThan(latest)) {
                latest = migration.getVersion();
            }
        }
        return latest;
    }

    private static String currentVersion(MigrationInfoService info) {
        MigrationInfo current = info.current();
        return current == null ? "none (empty database)" : current.getVersion().getVersion();
    }
}
