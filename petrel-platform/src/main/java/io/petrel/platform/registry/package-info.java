/**
 * The registry: organizations, device profiles, devices and their credentials, validated here and kept in a
 * {@link io.petrel.api.store.platform.RegistryStore}.
 */
@NullMarked
package io.petrel.platform.registry;

import org.jspecify.annotations.NullMarked;
