/** Routing: matching a published message against the subscription index and handing it to each subscriber. */
@NullMarked
package io.petrel.engine.routing;

import org.jspecify.annotations.NullMarked;
