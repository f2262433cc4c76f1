package io.petrel.mqtt.handler;

import io.netty.handler.codec.mqtt.MqttMessage;
import io.petrel.engine.session.Session;
import io.petrel.mqtt.protocol.MqttConnection;
import io.petrel.mqtt.protocol.ProtocolAction;

/** PUBREC from the client: the session answers with PUBREL, or ends the exchange on an error code. */
public final class PubRecHandler {
    private static final int PACKET_IDENTIFIER_NOT_FOUND = 0x92;

    private PubRecHandler() {
    }

    public static ProtocolAction handle(MqttConnection conn, MqttMessage pubrec, Session session) {
        int packetId = PacketIds.of(pubrec);
        if (session.received(packetId, PacketIds.reasonCode(pubrec) < 0x80)) {
            return ProtocolAction.NONE;
        }
        // MQTT 5 §4.3.3: a PUBREC for an unknown packet id still gets a PUBREL, with 0x92.
        return ProtocolAction.reply(conn.rules().pubRel(packetId, PACKET_IDENTIFIER_NOT_FOUND));
    }
}
