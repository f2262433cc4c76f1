/** MQTT over WebSocket: binary frames to and from the MQTT byte stream, and answers to non-MQTT requests. */
@NullMarked
package io.petrel.mqtt.transport.websocket;

import org.jspecify.annotations.NullMarked;
