package io.petrel.mqtt.handler;

import io.netty.handler.codec.mqtt.MqttMessage;
import io.petrel.engine.session.Session;
import io.petrel.mqtt.protocol.MqttConnection;
import io.petrel.mqtt.protocol.ProtocolAction;

/** PUBREL from the client: the inbound QoS 2 message is released, and PUBCOMP completes it. */
public final class PubRelHandler {
    private static final int PACKET_IDENTIFIER_NOT_FOUND = 0x92;

    private PubRelHandler() {
    }

    public static ProtocolAction handle(MqttConnection conn, MqttMessage pubrel, Session session) {
        int packetId = PacketIds.of(pubrel);
        // [MQTT-4.3.3-11] PUBREL gets a PUBCOMP with its packet id, which is then free [MQTT-4.3.3-12]; a second
        // PUBREL for it is answered all the same, with 0x92.
        int code = session.qos2Released(packetId) ? 0 : PACKET_IDENTIFIER_NOT_FOUND;
        ProtocolAction pubComp = ProtocolAction.reply(conn.rules().pubComp(packetId, code));
        // With durability, the PUBCOMP waits until the packet id is forgotten in the store as well: the client
        // may reuse it at once, and a stale id that came back after a crash would swallow its next message.
        return conn.acks().after(conn, session.lastWrite(), pubComp, () -> pubComp);
    }
}
