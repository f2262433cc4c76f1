/**
 * Attributes in the client, shared and server scopes: the device's uploads (device-api.md §6), its requests
 * (§7), and shared changes pushed to its sessions (§8).
 */
@NullMarked
package io.petrel.platform.attributes;

import org.jspecify.annotations.NullMarked;
