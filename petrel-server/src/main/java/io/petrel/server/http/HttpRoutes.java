package io.petrel.server.http;

import io.javalin.router.JavalinDefaultRoutingApi;

/**
 * One feature's HTTP routes. Features add their routes to the one HTTP server through this, so that the REST
 * API and the console can join {@code /health} and {@code /metrics} without touching the server itself.
 */
@FunctionalInterface
public interface HttpRoutes {
    /** Adds the routes. */
    void addTo(JavalinDefaultRoutingApi routes);
}
