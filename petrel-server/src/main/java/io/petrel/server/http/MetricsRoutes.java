package io.petrel.server.http;

import io.javalin.router.JavalinDefaultRoutingApi;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** {@code GET /metrics}: every meter in Prometheus's text format. */
public final class MetricsRoutes implements HttpRoutes {
    private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final Runnable beforeScrape;

    /** @param beforeScrape registers meters that appeared since the last scrape, such as a new close reason */
    public MetricsRoutes(PrometheusMeterRegistry registry, Runnable beforeScrape) {
        this.registry = registry;
        this.beforeScrape = beforeScrape;
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi routes) {
        routes.get("/metrics", ctx -> {
            beforeScrape.run();
            ctx.contentType(CONTENT_TYPE).result(registry.scrape());
        });
    }
}
