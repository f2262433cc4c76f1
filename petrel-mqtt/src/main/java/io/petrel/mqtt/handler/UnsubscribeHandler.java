package io.petrel.mqtt.handler;

import io.netty.handler.codec.mqtt.MqttUnsubscribeMessage;
import io.petrel.api.topic.TopicFilter;
import io.petrel.engine.session.Session;
import io.petrel.mqtt.protocol.MqttConnection;
import io.petrel.mqtt.protocol.ProtocolAction;
import io.petrel.mqtt.protocol.ProtocolError;
import java.util.ArrayList;
import java.util.List;

/**
 * UNSUBSCRIBE: removes each subscription, named in the client's organization namespace as SUBSCRIBE named it,
 * and answers with one reason code per filter [MQTT-3.11.3-1].
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
        List<Short> codes = new ArrayList<>(filters.size());
        for (String raw : filters) {
            TopicFilter filter;
            try {
                filter = TopicFilter.parse(raw);
            } catch (IllegalArgumentException invalid) {
                codes.add(TOPIC_FILTER_INVALID);
                continue;
            }
            String internal = conn.namespace().filterIn(filter.filter());
            codes.add(internal != null && session.unsubscribe(new TopicFilter(internal, filter.shareGroup()))
                    ? SUCCESS : NO_SUBSCRIPTION_EXISTED);
        }
        return ProtocolAction.reply(conn.rules().unsubAck(unsubscribe.variableHeader().messageId(), codes));
    }
}
