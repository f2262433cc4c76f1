/**
 * The device platform, wired into the server: its stores, threads and timers, its place in the authenticator
 * chain and in front of the authorizer, and its way into the protocol layer.
 */
@NullMarked
package io.petrel.server.devices;

import org.jspecify.annotations.NullMarked;
