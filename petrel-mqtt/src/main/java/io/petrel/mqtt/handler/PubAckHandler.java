package io.petrel.mqtt.handler;

import io.netty.handler.codec.mqtt.MqttMessage;
import io.petrel.engine.session.Session;
import io.petrel.mqtt.protocol.ProtocolAction;

/** PUBACK from the client: the QoS 1 message is delivered and its packet id free again. */
public final class PubAckHandler {
    private PubAckHandler() {
    }

    public static ProtocolAction handle(MqttMessage puback, Session session) {
        session.acknowledge(PacketIds.of(puback));
        return ProtocolAction.NONE;
    }
}
