/**
 * The composition root: it builds the engine, the transports and the plug-ins, and wires them together by
 * hand. Nothing else in Petrel knows how the pieces fit.
 */
@NullMarked
package io.petrel.server;

import org.jspecify.annotations.NullMarked;
