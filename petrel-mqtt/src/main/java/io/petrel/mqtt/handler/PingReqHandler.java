package io.petrel.mqtt.handler;

import io.netty.handler.codec.mqtt.MqttMessage;
import io.petrel.mqtt.protocol.ProtocolAction;

/** PINGREQ: answered with PINGRESP [MQTT-3.12.4-1]. Any packet resets the keep-alive timer. */
public final class PingReqHandler {
    private PingReqHandler() {
    }

    public static ProtocolAction handle() {
        return ProtocolAction.reply(MqttMessage.PINGRESP);
    }
}
