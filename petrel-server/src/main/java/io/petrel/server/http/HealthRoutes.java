package io.petrel.server.http;

import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /health}: 200 with {@code {"status":"up",...}} while the broker runs, 503 with
 * {@code "status":"down"} once it is shutting down, so that load balancers stop sending clients.
 */
public final class HealthRoutes implements HttpRoutes {
    private final Supplier<Boolean> up;
    private final Supplier<Map<String, Object>> details;

    public HealthRoutes(Supplier<Boolean> up, Supplier<Map<String, Object>> details) {
        this.up = up;
        this.details = details;
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi routes) {
        routes.get("/health", ctx -> {
            boolean running = up.get();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", running ? "up" : "down");
            body.putAll(details.get());
            ctx.status(running ? 200 : 503).contentType("application/json").result(Json.object(body));
        });
    }
}
