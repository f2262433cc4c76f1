/**
 * RPC: server-side calls to devices with delivery state and timeouts (device-api.md §9), and client-side
 * calls from devices, with the built-in {@code getSessionLimits} and a pluggable handler (§10).
 */
@NullMarked
package io.petrel.platform.rpc;

import org.jspecify.annotations.NullMarked;
