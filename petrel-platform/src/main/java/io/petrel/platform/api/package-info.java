/**
 * The device API of device-api.md as decisions. The protocol layer opens a {@link
 * io.petrel.platform.api.PlatformSession} for each session that logged in with device credentials, hands it
 * every PUBLISH, SUBSCRIBE, UNSUBSCRIBE and PINGREQ as a plain event, and carries out the decision it
 * returns: the PUBACK reason code, the SUBACK codes, what to send afterwards, and whether to disconnect.
 * What the platform sends on its own (shared-attribute pushes, server RPCs, late RPC answers, evictions) goes
 * through the session's {@link io.petrel.platform.api.Downlink}.
 */
@NullMarked
package io.petrel.platform.api;

import org.jspecify.annotations.NullMarked;
