/**
 * Petrel's public domain types and plug-in interfaces: what embedders, authenticators, authorizers and
 * interceptors see of the broker. Nothing here depends on Netty or on the MQTT wire format.
 */
@NullMarked
package io.petrel.api;

import org.jspecify.annotations.NullMarked;
