/** Counters that $SYS, /metrics and the logs read. */
@NullMarked
package io.petrel.engine.metrics;

import org.jspecify.annotations.NullMarked;
