/** Delayed work (RPC timeouts, activity checks, retention) behind an interface that tests drive by hand. */
@NullMarked
package io.petrel.platform.time;

import org.jspecify.annotations.NullMarked;
