/** The embedded default store: one SQLite file in WAL mode, written by one group-commit thread. */
@NullMarked
package io.petrel.store.sqlite;

import org.jspecify.annotations.NullMarked;
