/** The in-memory store: the reference implementation of the contract, for tests and for memory mode. */
@NullMarked
package io.petrel.store.memory;

import org.jspecify.annotations.NullMarked;
