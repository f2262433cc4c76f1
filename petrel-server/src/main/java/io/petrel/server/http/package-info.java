/**
 * The HTTP server (Javalin): {@code /health} and {@code /metrics} now, the REST API and console later. Each
 * feature adds its routes through {@link io.petrel.server.http.HttpRoutes}.
 */
@NullMarked
package io.petrel.server.http;

import org.jspecify.annotations.NullMarked;
