package io.petrel.mqtt.handler;

import io.netty.handler.codec.mqtt.MqttMessage;
import io.petrel.mqtt.device.DeviceLink;
import io.petrel.mqtt.protocol.MqttConnection;
import io.petrel.mqtt.protocol.ProtocolAction;

/**
 * PINGREQ: answered with PINGRESP [MQTT-3.12.4-1]. Any packet resets the keep-alive timer. A device's PINGREQ
 * is activity that keeps it active (device-api.md §2.3).
 */
public final class PingReqHandler {
    private PingReqHandler() {
    }

    public static ProtocolAction handle(MqttConnection conn) {
        DeviceLink device = conn.device();
        if (device != null) {
            device.session().onPing();
        }
        return ProtocolAction.reply(MqttMessage.PINGRESP);
    }
}
