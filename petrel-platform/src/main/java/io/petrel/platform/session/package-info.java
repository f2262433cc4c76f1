/**
 * Live device sessions (device-api.md §2): one per device by default, the oldest evicted; the device's
 * active state and connect, disconnect and activity times, kept as SERVER-scope attributes.
 */
@NullMarked
package io.petrel.platform.session;

import org.jspecify.annotations.NullMarked;
