/** The {@code petrel} command. */
@NullMarked
package io.petrel.cli;

import org.jspecify.annotations.NullMarked;
