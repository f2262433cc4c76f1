package io.petrel.server.rest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Counts the API's answers by operation and status, bad requests included. */
public final class RestMetrics {
    /** The operation of requests that matched no route. */
    static final String NO_ROUTE = "none";

    private final MeterRegistry registry;

    public RestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void count(String operation, int status) {
        Counter.builder("petrel.rest.responses")
                .description("REST API responses, by operation and HTTP status")
                .tag("operation", operation)
                .tag("status", Integer.toString(status))
                .register(registry)
                .increment();
    }
}
