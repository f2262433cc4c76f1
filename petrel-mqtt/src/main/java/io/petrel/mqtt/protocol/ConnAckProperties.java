package io.petrel.mqtt.protocol;

import org.jspecify.annotations.Nullable;

/**
 * What an accepting CONNACK tells an MQTT 5 client about the server's limits and its choices.
 *
 * @param sessionPresent whether an existing session was resumed
 * @param assignedClientId the client id the server assigned, or null
 * @param sessionExpirySeconds the session expiry the server granted, or -1 if it is what the client asked
 * @param serverKeepAlive the keep alive the server imposes, or -1 if it is what the client asked
 * @param receiveMaximum how many unacknowledged QoS 1 and 2 messages the server accepts
 * @param maximumPacketSize the largest packet the server accepts
 * @param topicAliasMaximum the highest topic alias the server accepts
 * @param retainAvailable whether the server supports retained messages
 * @param maximumQos the highest QoS the client may publish with: 2, or 1 for device sessions (device-api.md §0)
 */
public record ConnAckProperties(
        boolean sessionPresent,
        @Nullable String assignedClientId,
        long sessionExpirySeconds,
        int serverKeepAlive,
        int receiveMaximum,
        int maximumPacketSize,
        int topicAliasMaximum,
        boolean retainAvailable,
        int maximumQos) {
}
