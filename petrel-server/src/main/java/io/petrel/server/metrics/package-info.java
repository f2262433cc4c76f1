/** The broker's and security's counters as Micrometer meters, for {@code /metrics}. */
@NullMarked
package io.petrel.server.metrics;

import org.jspecify.annotations.NullMarked;
