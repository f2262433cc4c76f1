/**
 * Device authentication (device-api.md §1): access tokens, MQTT basic credentials and certificate
 * fingerprints, matched in the order the device API defines, and provision-only sessions.
 */
@NullMarked
package io.petrel.platform.auth;

import org.jspecify.annotations.NullMarked;
