/** Netty event loops and native transports, adapted to the engine's loop interface. */
@NullMarked
package io.petrel.mqtt.transport;

import org.jspecify.annotations.NullMarked;
