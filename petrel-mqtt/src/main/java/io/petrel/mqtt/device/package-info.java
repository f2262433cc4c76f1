/**
 * The device platform's side of a connection: the platform session its packets go to, and the way back to the
 * device ({@code Downlink}) with the delivery reports of what the platform sends it.
 */
@NullMarked
package io.petrel.mqtt.device;

import org.jspecify.annotations.NullMarked;
