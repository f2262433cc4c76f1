package io.petrel.mqtt.codec;

import io.netty.buffer.ByteBufUtil;
import io.petrel.api.MessageProperties;
import io.petrel.api.UserProperty;

/**
 * The exact encoded size of an outbound MQTT 5 PUBLISH, computed before encoding so that a message larger
 * than the client's maximum packet size is skipped for that client alone [MQTT-3.1.2-27] [MQTT-3.1.2-28].
 */
public final class PublishSize {
    private PublishSize() {
    }

    /**
     * The whole packet's size in bytes.
     *
     * @param topicBytes the UTF-8 length of the topic as sent (0 when a topic alias replaces it)
     * @param hasPacketId whether QoS is above 0
     * @param propertiesLength the encoded length of the properties, from {@link #propertiesLength}
     * @param payloadLength the payload's length
     */
    public static long packet(int topicBytes, boolean hasPacketId, int propertiesLength, int payloadLength) {
        long remaining = 2L + topicBytes + (hasPacketId ? 2 : 0) + varIntSize(propertiesLength) + propertiesLength
                + payloadLength;
        return 1 + varIntSize(remaining) + remaining;
    }

    /** The encoded length of a PUBLISH's properties. */
    public static int propertiesLength(MessageProperties properties, boolean hasExpiry, int[] subscriptionIds,
            boolean hasTopicAlias) {
        int length = 0;
        if (properties.utf8Payload()) {
            length += 2;
        }
        if (hasExpiry) {
            length += 5;
        }
        if (properties.contentType() != null) {
            length += 3 + ByteBufUtil.utf8Bytes(properties.contentType());
        }
        if (properties.responseTopic() != null) {
            length += 3 + ByteBufUtil.utf8Bytes(properties.responseTopic());
        }
        if (properties.correlationData() != null) {
            length += 3 + properties.correlationData().length;
        }
        for (UserProperty user : properties.userProperties()) {
            length += 5 + ByteBufUtil.utf8Bytes(user.name()) + ByteBufUtil.utf8Bytes(user.value());
        }
        for (int id : subscriptionIds) {
            length += 1 + varIntSize(id);
        }
        if (hasTopicAlias) {
            length += 3;
        }
        return length;
    }

    /** The encoded size of a Variable Byte Integer, such as a remaining length or a properties length. */
    public static int varIntSize(long value) {
        int size = 1;
        while (value >= 128) {
            value >>= 7;
            size++;
        }
        return size;
    }
}
