/** Test fixtures for the engine: deterministic loops and clock, and an in-memory connection. */
@NullMarked
package io.petrel.engine.testing;

import org.jspecify.annotations.NullMarked;
