/**
 * {@code petrel bench}: an asynchronous MQTT load generator on Netty, and {@code petrel bench compare}, which
 * runs the same scenarios against Petrel and Mosquitto side by side.
 */
@NullMarked
package io.petrel.cli.bench;

import org.jspecify.annotations.NullMarked;
