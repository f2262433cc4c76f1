package io.petrel.mqtt.listener;

/**
 * One MQTT listener.
 *
 * @param name the listener's name, as logs and authenticators see it
 * @param host the address to bind
 * @param port the port to bind; 0 picks a free one
 */
public record ListenerConfig(String name, String host, int port) {
    public ListenerConfig {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
        }
    }
}
