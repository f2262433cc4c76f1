package io.petrel.server.http;

/**
 * The HTTP server that carries {@code /health}, {@code /metrics} and, later, the REST API and console.
 *
 * @param enabled whether it runs
 * @param host the address to bind
 * @param port the port to bind; 0 picks a free one
 */
public record HttpConfig(boolean enabled, String host, int port) {
    /** Defaults: on, at 127.0.0.1:8080. */
    public static HttpConfig defaults() {
        return new HttpConfig(true, "127.0.0.1", 8080);
    }

    /** No HTTP server. */
    public static HttpConfig disabled() {
        return new HttpConfig(false, "127.0.0.1", 0);
    }
}
