/**
 * The device platform's side of a connection: the way back to a device session ({@code Downlink}), its
 * deliveries, and the order in which the platform's decisions are carried out.
 */
@NullMarked
package io.petrel.mqtt.device;

import org.jspecify.annotations.NullMarked;
