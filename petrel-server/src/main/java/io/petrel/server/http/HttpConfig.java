package io.petrel.server.http;

import io.petrel.server.rest.RestConfig;
import java.util.Objects;

/**
 * The HTTP server that carries {@code /health}, {@code /metrics} and the REST API.
 *
 * @param enabled whether it runs
 * @param host the address to bind
 * @param port the port to bind; 0 picks a free one
 * @param api who may log in to the REST API
 */
public record HttpConfig(boolean enabled, String host, int port, RestConfig api) {
    public HttpConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(api, "api");
    }

    /** An HTTP server with the REST API's default logins. */
    public HttpConfig(boolean enabled, String host, int port) {
        this(enabled, host, port, RestConfig.defaults());
    }

    /** Defaults: on, at 127.0.0.1:8080. */
    public static HttpConfig defaults() {
        return new HttpConfig(true, "127.0.0.1", 8080);
    }

    /** No HTTP server. */
    public static HttpConfig disabled() {
        return new HttpConfig(false, "127.0.0.1", 0);
    }

    /** A copy with other REST API logins. */
    public HttpConfig withApi(RestConfig newApi) {
        return new HttpConfig(enabled, host, port, newApi);
    }
}
