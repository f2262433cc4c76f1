/** Claiming (device-api.md §11): a device opens a window in which a user may claim it with a secret. */
@NullMarked
package io.petrel.platform.claim;

import org.jspecify.annotations.NullMarked;
