package io.petrel.mqtt.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttProperties.IntegerProperty;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttPublishVariableHeader;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.petrel.api.Message;
import io.petrel.api.Principal;
import io.petrel.api.topic.Namespace;
import io.petrel.engine.session.Delivery;
import io.petrel.engine.session.WireCache;
import org.jspecify.annotations.Nullable;

/**
 * Turns a delivery into the PUBLISH one client receives: its QoS, retain flag and packet id, and for MQTT 5
 * the remaining expiry, the subscription identifiers, a topic alias and the publisher's properties. The
 * payload is wrapped, not copied.
 *
 * <p>When a message fans out to many subscribers, most of them receive the very same bytes, packet id
 * aside. {@link #encodeForWire} encodes such a form once per message and shares it through the delivery's
 * {@link WireCache}: each further subscriber writes the shared bytes, with its own packet id patched in.
 */
public final class OutboundPublishEncoder {
    private final boolean v5;
    private final long maximumPacketSize;
    private final OutboundTopicAliases aliases;
    private Namespace namespace = Namespace.organization(Principal.DEFAULT_ORGANIZATION);

    /**
     * @param v5 whether the client speaks MQTT 5
     * @param maximumPacketSize the client's maximum packet size; {@link Long#MAX_VALUE} if it set none
     * @param aliases the topic aliases in use toward this client
     */
    public OutboundPublishEncoder(boolean v5, long maximumPacketSize, OutboundTopicAliases aliases) {
        this.v5 = v5;
        this.maximumPacketSize = maximumPacketSize;
        this.aliases = aliases;
    }

    /** Sets the namespace whose internal topics are turned back into the client's view. */
    public void namespace(Namespace clientNamespace) {
        this.namespace = clientNamespace;
    }

    /**
     * Builds what the connection writes: the shared bytes of the message's wire form as a {@link ByteBuf}
     * when this client receives the same bytes as others, else a PUBLISH for the pipeline's encoder; null if
     * it would exceed the client's maximum packet size.
     *
     * @param nowMillis the current wall-clock time, for the remaining expiry interval
     */
    public @Nullable Object encodeForWire(Delivery delivery, int packetId, boolean duplicate, long nowMillis) {
        WireCache cache = delivery.wireCache();
        int slot = sharedSlot(delivery, duplicate);
        if (cache == null || slot < 0) {
            return encode(delivery, packetId, duplicate, nowMillis);
        }
        byte[] form = cache.get(slot);
        if (form == null) {
            MqttPublishMessage template = encode(delivery, 0, false, nowMillis);
            if (template == null) {
                return null;
            }
            form = cache.putIfAbsent(slot, WireForms.encode(template, v5));
        }
        if (form.length > maximumPacketSize) {
            return null;
        }
        if (packetId == 0) {
            return Unpooled.wrappedBuffer(form);
        }
        ByteBuf own = Unpooled.copiedBuffer(form);
        own.setShort(WireForms.packetIdOffset(form), packetId);
        return own;
    }

    /**
     * The cache slot of a delivery whose bytes do not depend on the client, or -1: a redelivery (DUP), a
     * retained flag, and for MQTT 5 a topic alias, subscription identifiers or a remaining expiry make them
     * this client's own. The slot tells apart the protocol version and the QoS, the rest being the message's.
     */
    private int sharedSlot(Delivery delivery, boolean duplicate) {
        if (duplicate || delivery.retain()) {
            return -1;
        }
        if (v5 && (aliases.enabled() || delivery.message().expires() || delivery.subscriptionIds().length > 0)) {
            return -1;
        }
        return (v5 ? 3 : 0) + delivery.qos().value();
    }

    /**
     * Builds the PUBLISH, or returns null if it would exceed the client's maximum packet size.
     *
     * @param nowMillis the current wall-clock time, for the remaining expiry interval
     */
    public @Nullable MqttPublishMessage encode(Delivery delivery, int packetId, boolean duplicate, long nowMillis) {
        Message message = delivery.message();
        String topic = namespace.topicOut(message.topic());
        int alias = OutboundTopicAliases.NONE;
        boolean topicOmitted = false;
        boolean newAlias = false;
        MqttProperties properties = MqttProperties.NO_PROPERTIES;
        if (v5) {
            if (aliases.enabled()) {
                alias = aliases.existing(topic);
                topicOmitted = alias != OutboundTopicAliases.NONE;
                newAlias = !topicOmitted && aliases.hasFree();
            }
            if (tooLarge(delivery, topic, topicOmitted || newAlias, topicOmitted)) {
                return null;
            }
            if (newAlias) {
                alias = aliases.assign(topic);
            }
            properties = properties(delivery, nowMillis, alias);
        }
        String wireTopic = topicOmitted ? "" : topic;
        MqttFixedHeader header = new MqttFixedHeader(MqttMessageType.PUBLISH, duplicate,
                MqttQoS.valueOf(delivery.qos().value()), delivery.retain(), 0);
        return new MqttPublishMessage(header, new MqttPublishVariableHeader(wireTopic, packetId, properties),
                Unpooled.wrappedBuffer(message.payload()));
    }

    private boolean tooLarge(Delivery delivery, String topic, boolean withAlias, boolean topicOmitted) {
        if (maximumPacketSize == Long.MAX_VALUE) {
            return false;
        }
        Message message = delivery.message();
        int propertiesLength = PublishSize.propertiesLength(message.properties(), message.expires(),
                delivery.subscriptionIds(), withAlias);
        int topicBytes = topicOmitted ? 0 : ByteBufUtil.utf8Bytes(topic);
        long size = PublishSize.packet(topicBytes, delivery.qos().value() > 0, propertiesLength,
                message.payload().length);
        return size > maximumPacketSize;
    }

    private static MqttProperties properties(Delivery delivery, long nowMillis, int alias) {
        Message message = delivery.message();
        if (message.properties().isEmpty() && !message.expires() && delivery.subscriptionIds().length == 0
                && alias == OutboundTopicAliases.NONE) {
            return MqttProperties.NO_PROPERTIES;
        }
        MqttProperties properties = new MqttProperties();
        PropertiesCodec.addTo(properties, message.properties());
        if (message.expires()) {
            // [MQTT-3.3.2-6] the subscriber receives the expiry interval less the time the message waited.
            properties.add(new IntegerProperty(MqttProperties.PUBLICATION_EXPIRY_INTERVAL,
                    (int) message.remainingExpirySeconds(nowMillis)));
        }
        for (int id : delivery.subscriptionIds()) {
            properties.add(new IntegerProperty(MqttProperties.SUBSCRIPTION_IDENTIFIER, id));
        }
        if (alias != OutboundTopicAliases.NONE) {
            properties.add(new IntegerProperty(MqttProperties.TOPIC_ALIAS, alias));
        }
        return properties;
    }
}
