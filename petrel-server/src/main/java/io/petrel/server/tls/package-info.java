/** Certificates Petrel makes itself: the development CA and server certificate of a first start. */
@NullMarked
package io.petrel.server.tls;

import org.jspecify.annotations.NullMarked;
