package io.petrel.mqtt.listener;

import io.petrel.mqtt.transport.tls.TlsConfig;
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

    /** The WebSocket path clients expect. */
    public static final String DEFAULT_PATH = "/mqtt";
    /** The largest WebSocket frame accepted unless configured otherwise. */
    public static final int DEFAULT_MAX_FRAME_SIZE = 1 << 20;

    public ListenerConfig {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
        }
        if (type.secure() && tls == null) {
            throw new IllegalArgumentException("a " + type + " listener needs TLS settings");
        }
        trustedProxies = List.copyOf(trustedProxies);
    }

    /** A plain TCP listener with defaults for everything else. */
    public static ListenerConfig tcp(String name, String host, int port) {
        return of(name, ListenerType.TCP, host, port, null);
    }

    /** A listener of any type with defaults for everything else; secure types need TLS settings. */
    public static ListenerConfig of(String name, ListenerType type, String host, int port, @Nullable TlsConfig tls) {
        return new ListenerConfig(name, type, host, port, DEFAULT_PATH, DEFAULT_MAX_FRAME_SIZE, false, List.of(),
                true, tls);
    }

    /** A copy with other TLS settings. */
    public ListenerConfig withTls(@Nullable TlsConfig newTls) {
        return new ListenerConfig(name, type, host, port, path, maxFrameSize, proxyProtocol, trustedProxies,
                allowAnonymous, newTls);
    }

    /** A copy that expects, or does not expect, a PROXY protocol header. */
    public ListenerConfig withProxyProtocol(boolean enabled) {
        return new ListenerConfig(name, type, host, port, path, maxFrameSize, enabled, trustedProxies,
                allowAnonymous, tls);
    }

    /** A copy that believes X-Forwarded-For from these addresses or ranges. */
    public ListenerConfig withTrustedProxies(List<String> proxies) {
        return new ListenerConfig(name, type, host, port, path, maxFrameSize, proxyProtocol, proxies,
                allowAnonymous, tls);
    }

    /** A copy with another WebSocket path and frame limit. */
    public ListenerConfig withWebSocket(String newPath, int newMaxFrameSize) {
        return new ListenerConfig(name, type, host, port, newPath, newMaxFrameSize, proxyProtocol, trustedProxies,
                allowAnonymous, tls);
    }
}
