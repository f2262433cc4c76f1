/** Limits: connection counts, connect rates and login back-off per address, publish rates per client. */
@NullMarked
package io.petrel.security.limit;

import org.jspecify.annotations.NullMarked;
