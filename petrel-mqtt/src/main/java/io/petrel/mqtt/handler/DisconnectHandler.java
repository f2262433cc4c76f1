package io.petrel.mqtt.handler;

import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttReasonCodeAndPropertiesVariableHeader;
import io.petrel.engine.session.Session;
import io.petrel.mqtt.codec.PropertiesCodec;
import io.petrel.mqtt.protocol.MqttConnection;
import io.petrel.mqtt.protocol.ProtocolAction;
import io.petrel.mqtt.protocol.ProtocolError;

/**
 * DISCONNECT from the client. Reason 0x00 discards the will [MQTT-3.14.4-3]; every other reason, 0x04
 * "disconnect with will message" among them, publishes it. An MQTT 5 client may also change its session
 * expiry interval here.
 */
public final class DisconnectHandler {
    private DisconnectHandler() {
    }

    public static ProtocolAction handle(MqttConnection conn, MqttMessage disconnect, Session session) {
        int reasonCode = 0;
        long newExpiry = -1;
        if (conn.rules().isV5() && disconnect.variableHeader() instanceof MqttReasonCodeAndPropertiesVariableHeader h) {
            reasonCode = h.reasonCode() & 0xFF;
            MqttProperties properties = h.properties();
            if (properties.getProperty(MqttProperties.SESSION_EXPIRY_INTERVAL) != null) {
                long requested =
                        PropertiesCodec.intValue(properties, MqttProperties.SESSION_EXPIRY_INTERVAL, 0) & 0xFFFF_FFFFL;
                // §3.14.2.2.2: a session that was to end with the connection cannot be given an expiry here.
                if (conn.sessionExpiryAtConnect() == 0 && requested != 0) {
                    return ProtocolAction.disconnect(ProtocolError.PROTOCOL_ERROR);
                }
                newExpiry = Math.min(requested, conn.protocol().engine().sessionConfig().maxSessionExpirySeconds());
            }
        }
        // A device session ends with its connection, whatever the DISCONNECT asks (device-api.md §0).
        session.detach(conn, reasonCode != 0, conn.device() != null ? -1 : newExpiry);
        return ProtocolAction.close();
    }
}
