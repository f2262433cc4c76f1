/** Mapping between Netty's MQTT messages and the engine's domain types, in exactly one place each way. */
@NullMarked
package io.petrel.mqtt.codec;

import org.jspecify.annotations.NullMarked;
