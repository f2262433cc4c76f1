package io.petrel.store.postgresql;

import io.petrel.store.WriterLimits;
import org.jspecify.annotations.Nullable;

/**
 * How to reach a PostgreSQL store.
 *
 * @param url the JDBC URL, {@code jdbc:postgresql://host:port/database}
 * @param user the user, or null to take it from the URL
 * @param password the password, or null
 * @param poolSize the most connections: one for the writer, the rest for loading and checks
 * @param limits the writer's batch size and queue bound
 */
public record PostgresOptions(String url, @Nullable String user, @Nullable String password, int poolSize,
        WriterLimits limits) {

    public PostgresOptions {
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + url);
        }
        if (poolSize < 2) {
            throw new IllegalArgumentException("poolSize must be at least 2: the writer and one reader");
        }
    }

    /** The URL without its query part, which may hold credentials: safe for logs and messages. */
    public String safeUrl() {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}
