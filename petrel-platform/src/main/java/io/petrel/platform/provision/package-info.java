/** Device provisioning (device-api.md §12): a provision-only session asks for a device and its credentials. */
@NullMarked
package io.petrel.platform.provision;

import org.jspecify.annotations.NullMarked;
