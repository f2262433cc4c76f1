/** Limits the broker applies to connected clients: connection counts, publish rates, topic shapes. */
@NullMarked
package io.petrel.api.limit;

import org.jspecify.annotations.NullMarked;
