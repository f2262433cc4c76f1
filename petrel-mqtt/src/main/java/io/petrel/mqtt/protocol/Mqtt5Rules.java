package io.petrel.mqtt.protocol;

import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * MQTT 5: reason codes on every acknowledgement, reason strings, and a DISCONNECT before the server closes.
 * With request problem information off, reason strings go only on CONNACK and DISCONNECT [MQTT-3.1.2-29].
 */
final class Mqtt5Rules implements VersionRules {
    private final boolean problemInformation;

    Mqtt5Rules(boolean problemInformation) {
        this.problemInformation = problemInformation;
    }

    @Override
    public boolean isV5() {
        return true;
    }

    @Override
    public MqttMessage connAck(ConnAckProperties p) {
        return MqttMessageBuilders.connAck()
                .returnCode(MqttConnectReturnCode.CONNECTION_ACCEPTED)
                .sessionPresent(p.sessionPresent())
                .properties(b -> {
                    if (p.assignedClientId() != null) {
                        b.assignedClientId(p.assignedClientId());
                    }
                    if (p.sessionExpirySeconds() >= 0) {
                        b.sessionExpiryInterval(p.sessionExpirySeconds());
                    }
                    if (p.serverKeepAlive() >= 0) {
                        b.serverKeepAlive(p.serverKeepAlive());
                    }
                    if (p.receiveMaximum() < 65_535) {
                        b.receiveMaximum(p.receiveMaximum());
                    }
                    b.maximumPacketSize(p.maximumPacketSize());
                    if (p.topicAliasMaximum() > 0) {
                        b.topicAliasMaximum(p.topicAliasMaximum());
                    }
                    // Netty's builder always writes Retain Available, as 0 unless told otherwise, and a client
                    // told 0 must not send RETAIN [MQTT-3.2.2-14]: so it is always set, to the real value.
                    b.retainAvailable(p.retainAvailable());
                })
                .build();
    }

    @Override
    public MqttMessage connAckRefusal(ProtocolError error) {
        // [MQTT-3.2.2-6] a CONNACK with a reason code of 0x80 or more has session present 0.
        return MqttMessageBuilders.connAck()
                .returnCode(MqttConnectReturnCode.valueOf((byte) error.reasonCode()))
                .sessionPresent(false)
                .properties(b -> b.reasonString(error.description()))
                .build();
    }

    @Override
    public MqttMessage disconnect(ProtocolError error) {
        return MqttMessageBuilders.disconnect()
                .reasonCode((byte) error.reasonCode())
                .properties(reasonString(error.description(), true))
                .build();
    }

    @Override
    public MqttMessage pubAck(int packetId, int reasonCode, @Nullable String reason) {
        return Packets.of(MqttMessageType.PUBACK, packetId, reasonCode, reasonString(reason, false));
    }

    @Override
    public MqttMessage pubRec(int packetId, int reasonCode, @Nullable String reason) {
        return Packets.of(MqttMessageType.PUBREC, packetId, reasonCode, reasonString(reason, false));
    }

    @Override
    public MqttMessage pubRel(int packetId, int reasonCode) {
        return Packets.of(MqttMessageType.PUBREL, packetId, reasonCode, MqttProperties.NO_PROPERTIES);
    }

    @Override
    public MqttMessage pubComp(int packetId, int reasonCode) {
        return Packets.of(MqttMessageType.PUBCOMP, packetId, reasonCode, MqttProperties.NO_PROPERTIES);
    }

    @Override
    public MqttMessage subAck(int packetId, List<Integer> reasonCodes) {
        return Packets.subAck(packetId, reasonCodes.stream().mapToInt(Integer::intValue).toArray(),
                MqttProperties.NO_PROPERTIES);
    }

    @Override
    public MqttMessage unsubAck(int packetId, List<Short> reasonCodes) {
        return Packets.unsubAck(packetId, reasonCodes, MqttProperties.NO_PROPERTIES);
    }

    private MqttProperties reasonString(@Nullable String reason, boolean alwaysAllowed) {
        if (reason == null || !(alwaysAllowed || problemInformation)) {
            return MqttProperties.NO_PROPERTIES;
        }
        MqttProperties properties = new MqttProperties();
        properties.add(new MqttProperties.StringProperty(MqttProperties.REASON_STRING, reason));
        return properties;
    }
}
