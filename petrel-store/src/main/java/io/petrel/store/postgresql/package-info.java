/** The store for larger installs: PostgreSQL through a HikariCP pool, written by one group-commit thread. */
@NullMarked
package io.petrel.store.postgresql;

import org.jspecify.annotations.NullMarked;
