/** Identities from verified TLS client certificates. */
@NullMarked
package io.petrel.security.cert;

import org.jspecify.annotations.NullMarked;
