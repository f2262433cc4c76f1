package io.petrel.mqtt.listener;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One MQTT listener.
 *
 * @param name the listener's name, as logs and authenticators see it
 * @param type how it carries MQTT
 * @param host the address to bind
 * @param port the port to bind; 0 picks a free one
 * @param path the WebSocket path, for WebSocket listeners
 * @param maxFrameSize the largest WebSocket frame accepted
 * @param proxyProtocol whether connections start with a PROXY protocol header (v1 or v2)
 * @param trustedProxies addresses or CIDR ranges whose {@code X-Forwarded-For} header is believed
 * @param allowAnonymous whether clients without credentials are let in
 * @param tls the TLS settings, for TLS and WSS listeners
 */
public record ListenerConfig(
        String name,
        ListenerType type,
        String host,
        int port,
        String path,
        int maxFrameSize,
        boolean proxyProtocol,
        List<String> trustedProxies,
        boolean allowAnonymous,
        @Nullable TlsConfig tls) {

    public ListenerConfig {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
        }
        trustedProxies = List.copyOf(trustedProxies);
    }

    /** A plain TCP listener with defaults for everything else. */
    public static ListenerConfig tcp(String name, String host, int port) {
        return new ListenerConfig(name, ListenerType.TCP, host, port, "/mqtt", 1 << 20, false, List.of(), true, null);
    }
}
