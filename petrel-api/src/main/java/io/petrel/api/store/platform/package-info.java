/**
 * Where the device platform keeps its data: the registry of organizations, device profiles, devices and
 * their credentials ({@link io.petrel.api.store.platform.RegistryStore}), attributes in three scopes
 * ({@link io.petrel.api.store.platform.AttributeStore}) and telemetry time series with their latest values
 * ({@link io.petrel.api.store.platform.TelemetryStore}), and the REST API's keys
 * ({@link io.petrel.api.store.platform.ApiKeyStore}). Storage engines implement these interfaces; the
 * platform uses them. Everything here is a plain record.
 *
 * <p>Unlike the broker store, these calls are synchronous and may block on I/O: the platform calls them from
 * its own worker threads, never from an event loop. Implementations are safe for calls from many threads.
 */
@NullMarked
package io.petrel.api.store.platform;

import org.jspecify.annotations.NullMarked;
