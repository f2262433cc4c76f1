/** The authenticator chain: the order in which credentials are tried, and the guard in front of it. */
@NullMarked
package io.petrel.security.chain;

import org.jspecify.annotations.NullMarked;
