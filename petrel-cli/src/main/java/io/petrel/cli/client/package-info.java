/** {@code petrel pub} and {@code petrel sub}: MQTT clients in the manner of mosquitto_pub and mosquitto_sub. */
@NullMarked
package io.petrel.cli.client;

import org.jspecify.annotations.NullMarked;
