package io.petrel.mqtt.codec;

import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.petrel.api.Message;
import io.petrel.api.QoS;

/**
 * Maps a received PUBLISH to the immutable domain message the engine routes. This is the one place where an
 * inbound payload leaves Netty's buffers: it is copied out, and the caller releases the packet.
 */
public final class InboundPublishMapper {
    private InboundPublishMapper() {
    }

    /**
     * @param packet the PUBLISH; not released here
     * @param topic the topic name, after any topic alias was resolved
     * @param publisherId the publishing client's id
     * @param nowMillis the current wall-clock time, from which the expiry interval counts
     */
    public static Message toMessage(MqttPublishMessage packet, String topic, String publisherId, long nowMillis) {
        MqttProperties properties = packet.variableHeader().properties();
        int expirySeconds = PropertiesCodec.intValue(properties, MqttProperties.PUBLICATION_EXPIRY_INTERVAL, -1);
        long expiresAt = expirySeconds < 0 ? Message.NO_EXPIRY : nowMillis + (expirySeconds & 0xFFFF_FFFFL) * 1000;
        return new Message(
                topic,
                ByteBufUtil.getBytes(packet.payload()),
                QoS.of(packet.fixedHeader().qosLevel().value()),
                packet.fixedHeader().isRetain(),
                PropertiesCodec.toDomain(properties),
                expiresAt,
                publisherId);
    }
}
