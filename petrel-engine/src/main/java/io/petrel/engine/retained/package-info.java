/** Retained messages, indexed as a topic tree so that a wildcard subscribe visits only the matches. */
@NullMarked
package io.petrel.engine.retained;

import org.jspecify.annotations.NullMarked;
