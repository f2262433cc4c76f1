package io.petrel.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** Where the writer gets its connection, and a new one after the database dropped the old. */
@FunctionalInterface
public interface ConnectionSource {
    /** A connection with auto-commit off. */
    Connection open() throws SQLException;
}
