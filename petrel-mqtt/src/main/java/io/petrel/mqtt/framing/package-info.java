/**
 * The stages around Netty's MQTT decoder: the byte stream cut into whole packets by their fixed header, each
 * handed to the decoder on its own so that no length inside a packet can make it read past the packet's end,
 * and what the decoder lets pass checked on the packet's raw bytes.
 */
@NullMarked
package io.petrel.mqtt.framing;

import org.jspecify.annotations.NullMarked;
