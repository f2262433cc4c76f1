package io.petrel.mqtt.handler;

import io.netty.handler.codec.mqtt.MqttConnectVariableHeader;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.petrel.mqtt.protocol.DecodeFailures;
import io.petrel.mqtt.protocol.MqttConnection;
import io.petrel.mqtt.protocol.ProtocolAction;
import io.petrel.mqtt.protocol.ProtocolError;
import io.petrel.mqtt.protocol.VersionRules;

/**
 * A packet the decoder rejected. Before CONNECT completes, a CONNECT gets a refusing CONNACK where its
 * version has a code for the error [MQTT-3.1.4-1] (MQTT 3.1.1 closes without one); after, the client gets a
 * DISCONNECT (MQTT 5) and the connection closes [MQTT-4.13.1-1].
 * The decoder discards everything after a bad packet, so nothing else on the connection is processed.
 */
public final class DecodeFailureHandler {
    private DecodeFailureHandler() {
    }

    public static ProtocolAction handle(MqttConnection conn, MqttMessage packet) {
        ProtocolError error = DecodeFailures.classify(packet.decoderResult().cause());
        MqttFixedHeader header = packet.fixedHeader();
        if (conn.state() == MqttConnection.State.AWAITING_CONNECT && header != null
                && header.messageType() == MqttMessageType.CONNECT) {
            if (packet.variableHeader() instanceof MqttConnectVariableHeader connect) {
                conn.useRules(VersionRules.forConnect(connect));
            } else if (conn.decodedProtocolLevel() == 5) {
                // Rejected inside its variable header, as for a reserved flag: the level was read all the same.
                conn.useRules(VersionRules.mqtt5());
            }
            return ProtocolAction.refuse(error);
        }
        return ProtocolAction.disconnect(error);
    }
}
