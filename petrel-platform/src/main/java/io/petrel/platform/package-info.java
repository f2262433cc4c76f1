/**
 * The device platform: the ThingsBoard-compatible device API, the registry of devices and their credentials,
 * attributes, telemetry, RPC and the streaming namespace. The protocol layer hands it device sessions' packets
 * as plain events and carries out the decisions it returns; the platform never sees Netty or MQTT packets.
 */
@NullMarked
package io.petrel.platform;

import org.jspecify.annotations.NullMarked;
