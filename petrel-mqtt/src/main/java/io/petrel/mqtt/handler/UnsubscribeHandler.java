package io.petrel.mqtt.handler;

import io.netty.handler.codec.mqtt.MqttUnsubscribeMessage;
import io.petrel.api.topic.TopicFilter;
import io.petrel.engine.session.Session;
import io.petrel.mqtt.device.DeviceLink;
import io.petrel.mqtt.protocol.MqttConnection;
import io.petrel.mqtt.protocol.ProtocolAction;
import io.petrel.mqtt.protocol.ProtocolError;
import io.petrel.platform.api.ReasonCode;
import java.util.ArrayList;
import java.util.List;

/**
 * UNSUBSCRIBE: removes each subscription, named in the client's organization namespace as SUBSCRIBE named it,
 * and answers with one reason code per filter [MQTT-3.11.3-1]. A device's filters that are no broker
 * subscription of its session are the platform's (device-api.md §4.3).
 */
public final class UnsubscribeHandler {
    private static final short SUCCESS = 0x00;
    private static final short NO_SUBSCRIPTION_EXISTED = 0x11;
    private static final short TOPIC_FILTER_INVALID = 0x8F;

    private UnsubscribeHandler() {
    }

    public static ProtocolAction handle(MqttConnection conn, MqttUnsubscribeMessage unsubscribe, Session session) {
        List<String> filters = unsubscribe.payload().topics();
        if (filters.isEmpty()) {
            // [MQTT-3.10.3-2] an UNSUBSCRIBE carries at least one filter.
            return ProtocolAction.disconnect(ProtocolError.PROTOCOL_ERROR);
        }
        DeviceLink device = conn.device();
        List<Short> codes = new ArrayList<>(filters.size());
        List<String> forPlatform = new ArrayList<>(0);
        List<Integer> slots = new ArrayList<>(0);
        for (String raw : filters) {
            TopicFilter filter;
            try {
                filter = TopicFilter.parse(raw);
            } catch (IllegalArgumentException invalid) {
                filter = null;
            }
            String internal = filter != null ? conn.namespace().filterIn(filter.filter()) : null;
            TopicFilter named = internal != null ? new TopicFilter(internal, filter.shareGroup()) : null;
            if (device != null && (named == null || !session.hasSubscription(named))) {
                slots.add(codes.size());
                codes.add(NO_SUBSCRIPTION_EXISTED);
                forPlatform.add(raw);
            } else if (filter == null) {
                codes.add(TOPIC_FILTER_INVALID);
            } else {
                codes.add(named != null && session.unsubscribe(named) ? SUCCESS : NO_SUBSCRIPTION_EXISTED);
            }
        }
        if (device != null) {
            if (forPlatform.isEmpty()) {
                device.session().onPing();
            } else {
                List<ReasonCode> decided = device.session().onUnsubscribe(forPlatform);
                for (int i = 0; i < slots.size(); i++) {
                    codes.set(slots.get(i), (short) decided.get(i).value());
                }
            }
        }
        return ProtocolAction.reply(conn.rules().unsubAck(unsubscribe.variableHeader().messageId(), codes));
    }
}
