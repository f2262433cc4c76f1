/**
 * The streaming namespace: live device data republished into the device's organization on
 * {@code device/{name}/telemetry}, {@code device/{name}/telemetry/{key}} and the retained
 * {@code device/{name}/status}, and devices that publish straight into their own namespace.
 */
@NullMarked
package io.petrel.platform.stream;

import org.jspecify.annotations.NullMarked;
