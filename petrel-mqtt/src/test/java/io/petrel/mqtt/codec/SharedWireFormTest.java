package io.petrel.mqtt.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.petrel.api.Message;
import io.petrel.api.MessageProperties;
import io.petrel.api.QoS;
import io.petrel.engine.session.Delivery;
import io.petrel.engine.session.WireCache;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A message fanned out to many subscribers is encoded once per wire form, and every subscriber still gets
 * exactly the bytes Netty's encoder would have made for it alone.
 */
class SharedWireFormTest {
    private static final Message MESSAGE = new Message("fleet/7/telemetry", "21.5".getBytes(StandardCharsets.UTF_8),
            QoS.AT_LEAST_ONCE, false, MessageProperties.of(true, "text/plain", null, null, List.of()),
            Message.NO_EXPIRY, "publisher");

    private static OutboundPublishEncoder client(boolean v5) {
        return new OutboundPublishEncoder(v5, Long.MAX_VALUE, new OutboundTopicAliases(0));
    }

    private static Delivery delivery(QoS qos, WireCache cache) {
        return new Delivery(MESSAGE, qos, false, Delivery.NO_IDS, null, cache);
    }

    /** What Netty's encoder writes for a PUBLISH built for one client alone. */
    private static byte[] alone(boolean v5, Delivery delivery, int packetId) {
        EmbeddedChannel channel = new EmbeddedChannel(MqttEncoder.INSTANCE);
        channel.writeOutbound(MqttMessageBuilders.connect().clientId("x")
                .protocolVersion(v5 ? MqttVersion.MQTT_5 : MqttVersion.MQTT_3_1_1).build());
        ((ByteBuf) channel.readOutbound()).release();
        channel.writeOutbound(client(v5).encode(delivery, packetId, false, 0));
        ByteBuf bytes = channel.readOutbound();
        byte[] copy = ByteBufUtil.getBytes(bytes);
        bytes.release();
        channel.finishAndReleaseAll();
        return copy;
    }

    private static byte[] bytes(Object written) {
        assertThat(written).isInstanceOf(ByteBuf.class);
        ByteBuf buf = (ByteBuf) written;
        byte[] copy = ByteBufUtil.getBytes(buf);
        buf.release();
        return copy;
    }

    @Test
    void subscribersOfTheSameVersionAndQosShareOneEncoding() {
        WireCache cache = new WireCache();
        Delivery delivery = delivery(QoS.AT_MOST_ONCE, cache);

        byte[] first = bytes(client(true).encodeForWire(delivery, 0, false, 0));
        byte[] shared = cache.get(3);
        byte[] second = bytes(client(true).encodeForWire(delivery, 0, false, 0));

        assertThat(shared).isNotNull();
        assertThat(cache.get(3)).isSameAs(shared);
        assertThat(first).isEqualTo(second).isEqualTo(alone(true, delivery, 0));
    }

    @Test
    void eachQos1SubscriberGetsItsOwnPacketIdInTheSharedBytes() throws Exception {
        WireCache cache = new WireCache();
        Delivery delivery = delivery(QoS.AT_LEAST_ONCE, cache);

        byte[] seven = bytes(client(true).encodeForWire(delivery, 7, false, 0));
        byte[] big = bytes(client(true).encodeForWire(delivery, 0xABCD, false, 0));

        assertThat(seven).isEqualTo(alone(true, delivery, 7));
        assertThat(big).isEqualTo(alone(true, delivery, 0xABCD));
        MqttPublishMessage decoded = decode(big);
        try {
            assertThat(decoded.variableHeader().packetId()).isEqualTo(0xABCD);
            assertThat(decoded.variableHeader().topicName()).isEqualTo("fleet/7/telemetry");
        } finally {
            decoded.release();
        }
    }

    @Test
    void mqtt3AndMqtt5SubscribersGetTheirOwnForms() {
        WireCache cache = new WireCache();
        Delivery delivery = delivery(QoS.AT_MOST_ONCE, cache);

        byte[] v3 = bytes(client(false).encodeForWire(delivery, 0, false, 0));
        byte[] v5 = bytes(client(true).encodeForWire(delivery, 0, false, 0));

        assertThat(v3).isEqualTo(alone(false, delivery, 0));
        assertThat(v5).isEqualTo(alone(true, delivery, 0));
        assertThat(v3).isNotEqualTo(v5);
    }

    @Test
    void aSubscriptionIdentifierADuplicateOrATopicAliasMakeTheFormTheClientsOwn() {
        WireCache cache = new WireCache();
        Delivery withId = new Delivery(MESSAGE, QoS.AT_MOST_ONCE, false, new int[] {5}, null, cache);
        OutboundPublishEncoder aliasing = new OutboundPublishEncoder(true, Long.MAX_VALUE, new OutboundTopicAliases(10));

        Object forId = client(true).encodeForWire(withId, 0, false, 0);
        Object forDuplicate = client(true).encodeForWire(delivery(QoS.AT_LEAST_ONCE, cache), 3, true, 0);
        Object forAlias = aliasing.encodeForWire(delivery(QoS.AT_MOST_ONCE, cache), 0, false, 0);

        assertThat(forId).isInstanceOf(MqttPublishMessage.class);
        assertThat(forDuplicate).isInstanceOf(MqttPublishMessage.class);
        assertThat(forAlias).isInstanceOf(MqttPublishMessage.class);
        ((MqttPublishMessage) forId).release();
        ((MqttPublishMessage) forDuplicate).release();
        ((MqttPublishMessage) forAlias).release();
        assertThat(cache.get(3)).isNull();
        assertThat(cache.get(4)).isNull();
    }

    @Test
    void aClientWithASmallerMaximumPacketSizeIsSkippedWhileOthersShareTheForm() {
        WireCache cache = new WireCache();
        Delivery delivery = delivery(QoS.AT_MOST_ONCE, cache);
        byte[] form = bytes(client(true).encodeForWire(delivery, 0, false, 0));

        Object tooSmall = new OutboundPublishEncoder(true, form.length - 1, new OutboundTopicAliases(0))
                .encodeForWire(delivery, 0, false, 0);
        Object justFits = new OutboundPublishEncoder(true, form.length, new OutboundTopicAliases(0))
                .encodeForWire(delivery, 0, false, 0);

        assertThat(tooSmall).isNull();
        assertThat(bytes(justFits)).isEqualTo(form);
    }

    private static MqttPublishMessage decode(byte[] bytes) {
        EmbeddedChannel channel = new EmbeddedChannel(new MqttDecoder());
        channel.writeInbound(io.netty.buffer.Unpooled.wrappedBuffer(new byte[] {0x10, 0x0D, 0x00, 0x04, 'M', 'Q', 'T',
            'T', 0x05, 0x02, 0x00, 0x3C, 0x00, 0x00, 0x00}));
        channel.readInbound();
        channel.writeInbound(io.netty.buffer.Unpooled.wrappedBuffer(bytes));
        MqttPublishMessage message = channel.readInbound();
        channel.finishAndReleaseAll();
        return message;
    }
}
