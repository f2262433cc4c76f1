package io.petrel.mqtt.listener;

/** How a listener carries MQTT. */
public enum ListenerType {
    /** MQTT over plain TCP. */
    TCP(1883),
    /** MQTT over TLS. */
    TLS(8883),
    /** MQTT over WebSocket. */
    WS(8083),
    /** MQTT over WebSocket over TLS. */
    WSS(8085);

    private final int defaultPort;

    ListenerType(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    /** The port this kind of listener uses unless configured otherwise. */
    public int defaultPort() {
        return defaultPort;
    }

    /** Whether the listener speaks TLS. */
    public boolean secure() {
        return this == TLS || this == WSS;
    }

    /** Whether MQTT is carried in WebSocket frames. */
    public boolean webSocket() {
        return this == WS || this == WSS;
    }
}
