/**
 * The MQTT transport: Netty listeners and the protocol layer that turns MQTT 3.1, 3.1.1 and 5.0 packets into
 * engine calls. Wire versions stop here: the engine sees one domain model.
 */
@NullMarked
package io.petrel.mqtt;

import org.jspecify.annotations.NullMarked;
