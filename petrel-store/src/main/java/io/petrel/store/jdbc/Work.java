package io.petrel.store.jdbc;

import java.sql.SQLException;

/**
 * One unit of the writer's work: a write, or a read that must see the writes made before it. It may run more
 * than once: when its batch fails, the writer rolls back and runs each unit again on its own to find the one
 * that fails.
 *
 * @param <T> the result; {@code Void} for writes
 */
@FunctionalInterface
public interface Work<T> {
    T run(Transaction transaction) throws SQLException;
}
