/**
 * Telemetry: the upload shapes of device-api.md §5, and the service that writes time series off the
 * callers' threads in batches and answers latest, range and aggregate queries.
 */
@NullMarked
package io.petrel.platform.telemetry;

import org.jspecify.annotations.NullMarked;
