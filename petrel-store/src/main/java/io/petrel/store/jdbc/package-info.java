/**
 * What the SQLite and PostgreSQL stores share: one set of SQL statements, the group-commit writer that batches
 * concurrent writes into one transaction, schema migrations and the invariant checks.
 */
@NullMarked
package io.petrel.store.jdbc;

import org.jspecify.annotations.NullMarked;
