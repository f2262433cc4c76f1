/** Test fixtures for Petrel: an embedded server, a raw-packet client, a controllable clock, leak checks. */
@NullMarked
package io.petrel.testkit;

import org.jspecify.annotations.NullMarked;
