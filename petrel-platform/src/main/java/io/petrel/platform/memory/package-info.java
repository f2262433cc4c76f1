/**
 * In-memory platform stores: for tests, for embedded use without a database, and as the reference behaviour
 * that the contract tests pin down for every storage engine.
 */
@NullMarked
package io.petrel.platform.memory;

import org.jspecify.annotations.NullMarked;
