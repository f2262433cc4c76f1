package io.petrel.mqtt.handler;

import io.netty.handler.codec.mqtt.MqttMessage;
import io.petrel.engine.session.Session;
import io.petrel.mqtt.protocol.ProtocolAction;

/** PUBCOMP from the client: the outbound QoS 2 message is complete and its packet id free again. */
public final class PubCompHandler {
    private PubCompHandler() {
    }

    public static ProtocolAction handle(MqttMessage pubcomp, Session session) {
        session.completed(PacketIds.of(pubcomp));
        return ProtocolAction.NONE;
    }
}
