/**
 * Storage engines for the broker's durable state, behind {@link io.petrel.api.store.BrokerStore}, and the
 * lock that keeps a second server process out of a data directory.
 */
@NullMarked
package io.petrel.store;

import org.jspecify.annotations.NullMarked;
