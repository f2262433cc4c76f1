package io.petrel.mqtt.protocol;

/**
 * What a CONNECT settled about the client's side of the connection.
 *
 * @param clientReceiveMaximum how many unacknowledged QoS 1 and 2 messages the client accepts
 * @param clientMaximumPacketSize the largest packet the client accepts; {@link Long#MAX_VALUE} for no limit
 * @param clientTopicAliasMaximum the highest topic alias the client accepts from the server
 * @param sessionExpirySeconds the session expiry interval granted
 */
public record Negotiated(int clientReceiveMaximum, long clientMaximumPacketSize, int clientTopicAliasMaximum,
        long sessionExpirySeconds) {
}
