/**
 * Configuration: {@code petrel.yml}, overridden by {@code PETREL_...} environment variables and by flags, checked
 * key by key with one clear message for a bad value. Every key is declared once, in {@link io.petrel.server.config.ConfigKeys}, which also
 * produces {@code docs/configuration.md}.
 */
@NullMarked
package io.petrel.server.config;

import org.jspecify.annotations.NullMarked;
