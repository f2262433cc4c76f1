package io.petrel.mqtt.handler;

import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttPubReplyMessageVariableHeader;

/** Reads the packet id and reason code of PUBACK, PUBREC, PUBREL and PUBCOMP. */
final class PacketIds {
    private PacketIds() {
    }

    static int of(MqttMessage reply) {
        return ((MqttMessageIdVariableHeader) reply.variableHeader()).messageId();
    }

    /** The MQTT 5 reason code, which is 0 when absent and always for MQTT 3. */
    static int reasonCode(MqttMessage reply) {
        return reply.variableHeader() instanceof MqttPubReplyMessageVariableHeader header
                ? header.reasonCode() & 0xFF : 0;
    }
}
