package io.petrel.mqtt.handler;

import io.netty.handler.codec.mqtt.MqttMessage;
import io.petrel.engine.session.Session;
import io.petrel.mqtt.device.DeviceLink;
import io.petrel.mqtt.protocol.MqttConnection;
import io.petrel.mqtt.protocol.ProtocolAction;

/**
 * PUBACK from the client: the QoS 1 message is delivered and its packet id free again. A device's PUBACK also
 * tells the platform that its message arrived, such as a server RPC, which is then delivered (device-api.md §9).
 */
public final class PubAckHandler {
    private PubAckHandler() {
    }

    public static ProtocolAction handle(MqttConnection conn, MqttMessage puback, Session session) {
        int packetId = PacketIds.of(puback);
        session.acknowledge(packetId);
        DeviceLink device = conn.device();
        if (device != null) {
            device.acknowledged(packetId);
        }
        return ProtocolAction.NONE;
    }
}
