package io.petrel.store.platform;

import io.petrel.store.jdbc.Transaction;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * An insert that writes many rows per statement: full chunks of {@link #CHUNK} rows, then the rest one row at a
 * time, each kind of statement sent as one JDBC batch. A statement per row costs a round of binding and
 * stepping for each; a statement per chunk costs it once for many rows, which multiplies what telemetry ingest
 * stores per second. The rows of one call must not repeat a conflict key: PostgreSQL refuses an upsert that
 * touches one row twice.
 */
final class MultiRowInsert {
    /** Rows per chunk: 64 rows of 7 values stay far below both databases' limits on parameters. */
    static final int CHUNK = 64;

    /** Binds one row's values from parameter {@code first} on. */
    @FunctionalInterface
    interface RowBinder<T> {
        void bind(PreparedStatement statement, int first, T row) throws SQLException;
    }

    private final String single;
    private final String chunk;
    private final int columns;

    /**
     * @param head the statement up to {@code VALUES}
     * @param tail what follows the values, such as an {@code ON CONFLICT} clause
     * @param columns the values per row
     */
    MultiRowInsert(String head, String tail, int columns) {
        String row = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
        this.single = head + " " + row + " " + tail;
        this.chunk = head + " " + String.join(", ", Collections.nCopies(CHUNK, row)) + " " + tail;
        this.columns = columns;
    }

    <T> void write(Transaction tx, List<T> rows, RowBinder<T> binder) throws SQLException {
        int full = rows.size() / CHUNK * CHUNK;
        for (int start = 0; start < full; start += CHUNK) {
            List<T> part = rows.subList(start, start + CHUNK);
            tx.write(chunk, statement -> {
                for (int i = 0; i < CHUNK; i++) {
                    binder.bind(statement, 1 + i * columns, part.get(i));
                }
            });
        }
        for (T row : rows.subList(full, rows.size())) {
            tx.write(single, statement -> binder.bind(statement, 1, row));
        }
    }
}
