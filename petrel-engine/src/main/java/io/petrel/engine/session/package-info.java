/** Sessions: subscriptions, in-flight QoS 1 and 2 state, queues, wills and expiry, each owned by one thread. */
@NullMarked
package io.petrel.engine.session;

import org.jspecify.annotations.NullMarked;
