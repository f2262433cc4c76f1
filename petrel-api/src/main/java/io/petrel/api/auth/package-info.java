/** Plug-in interfaces that decide who may connect and what a client may publish and subscribe to. */
@NullMarked
package io.petrel.api.auth;

import org.jspecify.annotations.NullMarked;
