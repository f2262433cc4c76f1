package io.petrel.cli.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where a client connects: transport, host, port and, for WebSocket, the path.
 *
 * @param transport how the bytes travel
 * @param host the server's host name or address
 * @param port the server's port
 * @param path the WebSocket path, without the leading slash; empty for TCP
 */
public record Endpoint(Transport transport, String host, int port, String path) {
    /** The WebSocket path Petrel and most brokers serve MQTT on. */
    public static final String DEFAULT_WS_PATH = "mqtt";

    /** The four ways to reach a broker, named by their URL scheme. */
    public enum Transport {
        MQTT(1883, false, false),
        MQTTS(8883, true, false),
        WS(8083, false, true),
        WSS(8085, true, true);

        private final int defaultPort;
        private final boolean tls;
        private final boolean webSocket;

        Transport(int defaultPort, boolean tls, boolean webSocket) {
            this.defaultPort = defaultPort;
            this.tls = tls;
            this.webSocket = webSocket;
        }

        public int defaultPort() {
            return defaultPort;
        }

        public boolean tls() {
            return tls;
        }

        public boolean webSocket() {
            return webSocket;
        }

        static Transport ofScheme(String scheme) {
            return switch (scheme.toLowerCase(Locale.ROOT)) {
                case "mqtt", "tcp" -> MQTT;
                case "mqtts", "ssl", "tls" -> MQTTS;
                case "ws" -> WS;
                case "wss" -> WSS;
                default -> throw new IllegalArgumentException("unknown scheme '" + scheme
                        + "': use mqtt://, mqtts://, ws:// or wss://");
            };
        }
    }

    /**
     * Parses {@code mqtt://host[:port]}, {@code mqtts://...}, {@code ws://host[:port][/path]} or
     * {@code wss://...}. A missing port is the transport's default, a missing WebSocket path is {@code /mqtt}.
     *
     * @throws IllegalArgumentException with a message fit for the user
     */
    public static Endpoint parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + url);
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("not a broker URL: " + url + " (expected e.g. mqtt://localhost:1883)");
        }
        Transport transport = Transport.ofScheme(uri.getScheme());
        int port = uri.getPort() == -1 ? transport.defaultPort() : uri.getPort();
        String path = "";
        if (transport.webSocket()) {
            String raw = uri.getRawPath() == null ? "" : uri.getRawPath();
            path = raw.isEmpty() || raw.equals("/") ? DEFAULT_WS_PATH : raw.substring(1);
        }
        return new Endpoint(transport, uri.getHost(), port, path);
    }

    /** The endpoint of {@code -h}/{@code -p}: plain MQTT, or MQTTS when TLS options are given. */
    public static Endpoint of(String host, int port, boolean tls) {
        Transport transport = tls ? Transport.MQTTS : Transport.MQTT;
        return new Endpoint(transport, host, port == 0 ? transport.defaultPort() : port, "");
    }

    @Override
    public String toString() {
        return transport.name().toLowerCase(Locale.ROOT) + "://" + host + ":" + port + (path.isEmpty() ? "" : "/" + path);
    }
}
