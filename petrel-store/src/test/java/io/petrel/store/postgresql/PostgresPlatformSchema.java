package io.petrel.store.postgresql;

import io.petrel.store.WriterLimits;
import io.petrel.store.platform.PlatformDatabase;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The platform's database in a PostgreSQL schema of its own for one test, as a {@code @RegisterExtension} field:
 * {@link #open()} creates the schema and opens the database in it; after the test the database is closed and
 * the schema dropped.
 */
final class PostgresPlatformSchema implements AfterEachCallback {
    private @Nullable PostgresTestDatabase schema;
    private @Nullable PlatformDatabase database;

    /** Opens the platform's database in a new, empty schema, or skips (or fails) the test without a server. */
    PlatformDatabase open() {
        schema = PostgresTestDatabase.create();
        database = PostgresPlatformDatabase.open(new PostgresOptions(schema.url(), null, null, 4,
                WriterLimits.DEFAULT));
        return database;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (database != null) {
            database.close();
        }
        if (schema != null) {
            schema.drop();
        }
    }
}
