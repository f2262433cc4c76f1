package io.petrel.mqtt.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.netty.util.concurrent.FastThreadLocal;

/**
 * Encodes a PUBLISH to its bytes on the wire once, so that every subscriber receiving the same message in the
 * same form writes those bytes instead of encoding it again. Netty's encoder still owns the bytes: it runs in
 * a private channel per thread, set to MQTT 3.1.1 or 5 by encoding a CONNECT first, as on a real connection.
 */
final class WireForms {
    private static final FastThreadLocal<EmbeddedChannel[]> ENCODERS = new FastThreadLocal<>() {
        @Override
        protected EmbeddedChannel[] initialValue() {
            return new EmbeddedChannel[] {encoder(MqttVersion.MQTT_3_1_1), encoder(MqttVersion.MQTT_5)};
        }
    };

    private WireForms() {
    }

    private static EmbeddedChannel encoder(MqttVersion version) {
        EmbeddedChannel channel = new EmbeddedChannel(MqttEncoder.INSTANCE);
        channel.writeOutbound(MqttMessageBuilders.connect().clientId("wire-form").protocolVersion(version).build());
        ((ByteBuf) channel.readOutbound()).release();
        return channel;
    }

    /** The bytes of a PUBLISH; the message is released. */
    static byte[] encode(MqttPublishMessage publish, boolean v5) {
        EmbeddedChannel channel = ENCODERS.get()[v5 ? 1 : 0];
        channel.writeOutbound(publish);
        ByteBuf encoded = channel.readOutbound();
        try {
            return ByteBufUtil.getBytes(encoded);
        } finally {
            encoded.release();
        }
    }

    /**
     * Where the packet id sits in an encoded PUBLISH of QoS 1 or 2: after the fixed header (one byte and the
     * remaining length, 1 to 4 bytes) and the length-prefixed topic name [MQTT-3.3.2-1].
     */
    static int packetIdOffset(byte[] form) {
        int lengthBytes = 1;
        while ((form[lengthBytes] & 0x80) != 0) {
            lengthBytes++;
        }
        int topicStart = 1 + lengthBytes;
        int topicLength = ((form[topicStart] & 0xFF) << 8) | (form[topicStart + 1] & 0xFF);
        return topicStart + 2 + topicLength;
    }
}
