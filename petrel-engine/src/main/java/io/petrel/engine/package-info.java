/**
 * The broker engine: it routes domain messages between sessions and knows nothing of Netty or the MQTT
 * wire format. The transport reaches it through {@link io.petrel.engine.session.ClientConnection}.
 */
@NullMarked
package io.petrel.engine;

import org.jspecify.annotations.NullMarked;
