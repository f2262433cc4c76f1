/** Which store the server keeps its state in, and opening it from the configuration. */
@NullMarked
package io.petrel.server.store;

import org.jspecify.annotations.NullMarked;
