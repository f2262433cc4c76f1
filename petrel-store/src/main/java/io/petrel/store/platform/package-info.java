/**
 * The device platform's stores on a SQL database (SQLite or PostgreSQL): registry, attributes, telemetry and
 * API keys. Writes go through one group-commit writer, reads through a pool of connections.
 */
@NullMarked
package io.petrel.store.platform;

import org.jspecify.annotations.NullMarked;
