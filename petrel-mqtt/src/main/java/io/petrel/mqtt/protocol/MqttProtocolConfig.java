package io.petrel.mqtt.protocol;

/**
 * The limits and capabilities the protocol layer negotiates with clients.
 *
 * @param maxPacketSize the largest packet accepted, in bytes, announced to MQTT 5 clients
 * @param maxClientIdLength the longest client identifier accepted
 * @param receiveMaximum how many inbound QoS 2 messages may wait for PUBREL at once
 * @param topicAliasMaximum the highest topic alias a client may use; 0 turns inbound aliases off
 * @param maxKeepAliveSeconds the longest keep alive granted to MQTT 5 clients; longer requests get this
 * @param connectTimeoutSeconds how long a new connection may take to send CONNECT
 * @param retainAvailable whether retained messages are supported
 * @param maxPendingBeforeConnect how many packets a client may send after CONNECT before its CONNACK
 */
public record MqttProtocolConfig(
        int maxPacketSize,
        int maxClientIdLength,
        int receiveMaximum,
        int topicAliasMaximum,
        int maxKeepAliveSeconds,
        int connectTimeoutSeconds,
        boolean retainAvailable,
        int maxPendingBeforeConnect) {

    /** The largest packet MQTT can frame: a remaining length of 268,435,455 plus the fixed header. */
    public static final int PROTOCOL_MAX_PACKET_SIZE = 268_435_460;

    /** Defaults: 1 MiB packets, 1,024 inbound QoS 2 in flight, 10 topic aliases, 10 s to CONNECT. */
    public static MqttProtocolConfig defaults() {
        return new MqttProtocolConfig(1_048_576, 65_535, 1024, 10, 65_535, 10, true, 1000);
    }

    public MqttProtocolConfig {
        requireRange("maxPacketSize", maxPacketSize, 64, PROTOCOL_MAX_PACKET_SIZE);
        requireRange("maxClientIdLength", maxClientIdLength, 23, 65_535);
        requireRange("receiveMaximum", receiveMaximum, 1, 65_535);
        requireRange("topicAliasMaximum", topicAliasMaximum, 0, 65_535);
        requireRange("maxKeepAliveSeconds", maxKeepAliveSeconds, 1, 65_535);
        requireRange("connectTimeoutSeconds", connectTimeoutSeconds, 1, 3600);
        requireRange("maxPendingBeforeConnect", maxPendingBeforeConnect, 0, 1_000_000);
    }

    private static void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ": " + value);
        }
    }
}
