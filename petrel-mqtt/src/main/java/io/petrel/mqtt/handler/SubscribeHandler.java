package io.petrel.mqtt.handler;

import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttSubscriptionOption;
import io.netty.handler.codec.mqtt.MqttTopicSubscription;
import io.petrel.api.ClientInfo;
import io.petrel.api.QoS;
import io.petrel.api.limit.ClientLimits;
import io.petrel.api.topic.TopicFilter;
import io.petrel.engine.session.Session;
import io.petrel.engine.topic.RetainHandling;
import io.petrel.engine.topic.SubscriptionOptions;
import io.petrel.mqtt.codec.PropertiesCodec;
import io.petrel.mqtt.device.DeviceLink;
import io.petrel.mqtt.protocol.MqttConnection;
import io.petrel.mqtt.protocol.ProtocolAction;
import io.petrel.mqtt.protocol.ProtocolError;
import java.util.ArrayList;
import java.util.List;

/**
 * SUBSCRIBE: handles each filter as if it came in its own packet [MQTT-3.8.4-5], answers with one reason
 * code per filter [MQTT-3.8.4-6], and sends retained messages only after the SUBACK. A device's filters of the
 * device API, and those the authorizer does not grant it, are the platform's (device-api.md §4.3); what the
 * platform sends because of them, such as server RPCs that waited, follows the SUBACK.
 */
public final class SubscribeHandler {
    private static final int TOPIC_FILTER_INVALID = 0x8F;
    private static final int NOT_AUTHORIZED = 0x87;
    private static final int QUOTA_EXCEEDED = 0x97;

    private SubscribeHandler() {
    }

    public static ProtocolAction handle(MqttConnection conn, MqttSubscribeMessage subscribe, Session session,
            ClientInfo client) {
        List<MqttTopicSubscription> requested = subscribe.payload().topicSubscriptions();
        if (requested.isEmpty()) {
            // [MQTT-3.8.3-2] a SUBSCRIBE carries at least one filter.
            return ProtocolAction.disconnect(ProtocolError.PROTOCOL_ERROR);
        }
        boolean v5 = conn.rules().isV5();
        MqttProperties properties = subscribe.idAndPropertiesVariableHeader().properties();
        int subscriptionId = 0;
        if (v5 && properties.getProperty(MqttProperties.SUBSCRIPTION_IDENTIFIER) != null) {
            subscriptionId = PropertiesCodec.intValue(properties, MqttProperties.SUBSCRIPTION_IDENTIFIER, 0);
            // §3.8.2.1.2: a subscription identifier of 0 is a protocol error.
            if (subscriptionId == 0) {
                return ProtocolAction.disconnect(ProtocolError.PROTOCOL_ERROR);
            }
        }
        List<Integer> codes = new ArrayList<>(requested.size());
        List<TopicFilter> added = new ArrayList<>(requested.size());
        List<Boolean> existed = new ArrayList<>(requested.size());
        DeviceLink device = conn.device();
        DeviceSubscriptions forPlatform = device != null ? new DeviceSubscriptions() : null;
        for (MqttTopicSubscription request : requested) {
            // Reserved bits of the options, MQTT 3's included, never get here: see RawPacketCheck.
            MqttSubscriptionOption option = request.option();
            if (forPlatform != null && DeviceSubscriptions.forPlatform(conn, client, request.topicFilter())) {
                forPlatform.add(codes, request.topicFilter(), option.qos().value());
                continue;
            }
            TopicFilter filter;
            try {
                filter = TopicFilter.parse(request.topicFilter());
            } catch (IllegalArgumentException invalid) {
                codes.add(TOPIC_FILTER_INVALID);
                continue;
            }
            if (filter.isShared() && option.isNoLocal()) {
                // [MQTT-3.8.3-4] No Local on a shared subscription is a protocol error.
                return ProtocolAction.disconnect(ProtocolError.PROTOCOL_ERROR);
            }
            ClientLimits limits = conn.protocol().limits();
            if (TopicShape.exceeds(filter.filter(), limits)) {
                conn.protocol().engine().metrics().refused("SUBSCRIBE_TOPIC_LIMIT_EXCEEDED");
                codes.add(TOPIC_FILTER_INVALID);
                continue;
            }
            // The authorizer sees the filter as the client wrote it; the engine sees it in the client's namespace,
            // so that '#' or '$share/g/#' never reaches beyond the client's organization.
            String internal = conn.protocol().authorizer().maySubscribe(client, filter.filter())
                    ? conn.namespace().filterIn(filter.filter()) : null;
            if (internal == null) {
                conn.protocol().engine().metrics().refused("SUBSCRIBE_NOT_AUTHORIZED");
                codes.add(NOT_AUTHORIZED);
                continue;
            }
            filter = new TopicFilter(internal, filter.shareGroup());
            if (limits.maxSubscriptions() > 0 && session.subscriptionCount() >= limits.maxSubscriptions()
                    && !session.hasSubscription(filter)) {
                conn.protocol().engine().metrics().refused("SUBSCRIBE_QUOTA_EXCEEDED");
                codes.add(QUOTA_EXCEEDED);
                continue;
            }
            // A device's granted QoS is at most 1, the Maximum QoS of its CONNACK [MQTT-3.2.2-10].
            QoS qos = QoS.of(device != null ? Math.min(option.qos().value(), 1) : option.qos().value());
            SubscriptionOptions options = new SubscriptionOptions(qos, option.isNoLocal(),
                    option.isRetainAsPublished(), RetainHandling.of(option.retainHandling().value()));
            existed.add(session.subscribe(filter, options, subscriptionId));
            added.add(filter);
            codes.add(qos.value());
        }
        Runnable platformFollowUp = forPlatform != null ? forPlatform.decide(device, codes) : () -> { };
        int packetId = subscribe.variableHeader().messageId();
        return ProtocolAction.reply(conn.rules().subAck(packetId, codes), () -> {
            for (int i = 0; i < added.size(); i++) {
                session.sendRetained(added.get(i), existed.get(i));
            }
            platformFollowUp.run();
        });
    }
}
