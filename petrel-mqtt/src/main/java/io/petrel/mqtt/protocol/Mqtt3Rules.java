package io.petrel.mqtt.protocol;

import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * MQTT 3.1 and 3.1.1: return codes only, no reason codes on acknowledgements, no server DISCONNECT. The two
 * differ only in the CONNACK: MQTT 3.1 has no session present flag.
 */
final class Mqtt3Rules implements VersionRules {
    /** MQTT 3.1.1, the rules a connection follows until its CONNECT says otherwise. */
    static final Mqtt3Rules INSTANCE = new Mqtt3Rules(true);
    /** MQTT 3.1 (protocol level 3). */
    static final Mqtt3Rules MQTT_3_1 = new Mqtt3Rules(false);

    private static final int SUBACK_FAILURE = 0x80;

    private final boolean sessionPresentFlag;

    private Mqtt3Rules(boolean sessionPresentFlag) {
        this.sessionPresentFlag = sessionPresentFlag;
    }

    @Override
    public boolean isV5() {
        return false;
    }

    @Override
    public MqttMessage connAck(ConnAckProperties properties) {
        // MQTT 3.1 §3.2: the first CONNACK byte is reserved and 0; a resumed session is not announced.
        return MqttMessageBuilders.connAck()
                .returnCode(MqttConnectReturnCode.CONNECTION_ACCEPTED)
                .sessionPresent(sessionPresentFlag && properties.sessionPresent())
                .build();
    }

    @Override
    public @Nullable MqttMessage connAckRefusal(ProtocolError error) {
        if (error.returnCode() < 0) {
            return null;
        }
        // MQTT 3.1.1 [MQTT-3.2.2-4]: a refusing CONNACK has session present 0.
        return MqttMessageBuilders.connAck()
                .returnCode(MqttConnectReturnCode.valueOf((byte) error.returnCode()))
                .sessionPresent(false)
                .build();
    }

    @Override
    public @Nullable MqttMessage disconnect(ProtocolError error) {
        return null;
    }

    @Override
    public MqttMessage pubAck(int packetId, int reasonCode, @Nullable String reason) {
        return Packets.of(MqttMessageType.PUBACK, packetId, 0,
                MqttProperties.NO_PROPERTIES);
    }

    @Override
    public MqttMessage pubRec(int packetId, int reasonCode, @Nullable String reason) {
        return Packets.of(MqttMessageType.PUBREC, packetId, 0,
                MqttProperties.NO_PROPERTIES);
    }

    @Override
    public MqttMessage pubRel(int packetId, int reasonCode) {
        return Packets.of(MqttMessageType.PUBREL, packetId, 0,
                MqttProperties.NO_PROPERTIES);
    }

    @Override
    public MqttMessage pubComp(int packetId, int reasonCode) {
        return Packets.of(MqttMessageType.PUBCOMP, packetId, 0,
                MqttProperties.NO_PROPERTIES);
    }

    @Override
    public MqttMessage subAck(int packetId, List<Integer> reasonCodes) {
        int[] codes = new int[reasonCodes.size()];
        for (int i = 0; i < codes.length; i++) {
            int code = reasonCodes.get(i);
            codes[i] = code < SUBACK_FAILURE ? code : SUBACK_FAILURE;
        }
        return Packets.subAck(packetId, codes, MqttProperties.NO_PROPERTIES);
    }

    @Override
    public MqttMessage unsubAck(int packetId, List<Short> reasonCodes) {
        return Packets.unsubAck(packetId, List.of(), MqttProperties.NO_PROPERTIES);
    }
}
