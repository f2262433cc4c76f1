/** The protocol layer's frame: per-connection state, decisions, the error table and the v3/v5 rules. */
@NullMarked
package io.petrel.mqtt.protocol;

import org.jspecify.annotations.NullMarked;
