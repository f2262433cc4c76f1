package io.petrel.mqtt.protocol;

import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttProperties.IntegerProperty;
import io.netty.handler.codec.mqtt.MqttProperties.StringProperty;
import io.petrel.mqtt.codec.PublishSize;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * MQTT 5: reason codes on every acknowledgement, reason strings, and a DISCONNECT before the server closes.
 * With request problem information off, reason strings go only on CONNACK and DISCONNECT [MQTT-3.1.2-32], and
 * none goes where it would make the packet larger than the client accepts.
 */
final class Mqtt5Rules implements VersionRules {
    /** The bytes before the properties: packet id and reason code of PUBACK and PUBREC. */
    private static final int ACK_HEADER = 3;
    /** The bytes before the properties: flags and reason code of CONNACK. */
    private static final int CONNACK_HEADER = 2;
    /** The bytes before the properties: the reason code of DISCONNECT. */
    private static final int DISCONNECT_HEADER = 1;

    private final boolean problemInformation;
    private final long clientMaximumPacketSize;

    /**
     * @param problemInformation whether the client asked for reason strings on every packet
     * @param clientMaximumPacketSize the largest packet the client accepts; {@link Long#MAX_VALUE} for no limit
     */
    Mqtt5Rules(boolean problemInformation, long clientMaximumPacketSize) {
        this.problemInformation = problemInformation;
        this.clientMaximumPacketSize = clientMaximumPacketSize;
    }

    @Override
    public boolean isV5() {
        return true;
    }

    @Override
    public MqttMessage connAck(ConnAckProperties p) {
        // Built by hand: Netty's CONNACK properties builder always adds Retain Available and Topic Alias
        // Maximum, with 0 when left unset, which would tell clients that retain is unavailable.
        MqttProperties properties = new MqttProperties();
        if (p.assignedClientId() != null) {
            properties.add(new StringProperty(MqttProperties.ASSIGNED_CLIENT_IDENTIFIER, p.assignedClientId()));
        }
        if (p.sessionExpirySeconds() >= 0) {
            properties.add(new IntegerProperty(MqttProperties.SESSION_EXPIRY_INTERVAL, (int) p.sessionExpirySeconds()));
        }
        if (p.serverKeepAlive() >= 0) {
            properties.add(new IntegerProperty(MqttProperties.SERVER_KEEP_ALIVE, p.serverKeepAlive()));
        }
        if (p.receiveMaximum() < 65_535) {
            properties.add(new IntegerProperty(MqttProperties.RECEIVE_MAXIMUM, p.receiveMaximum()));
        }
        properties.add(new IntegerProperty(MqttProperties.MAXIMUM_PACKET_SIZE, p.maximumPacketSize()));
        if (p.topicAliasMaximum() > 0) {
            properties.add(new IntegerProperty(MqttProperties.TOPIC_ALIAS_MAXIMUM, p.topicAliasMaximum()));
        }
        if (!p.retainAvailable()) {
            properties.add(new IntegerProperty(MqttProperties.RETAIN_AVAILABLE, 0));
        }
        if (p.maximumQos() < 2) {
            // [MQTT-3.2.2-9] a server that does not take QoS 2 says so; absent means 2.
            properties.add(new IntegerProperty(MqttProperties.MAXIMUM_QOS, p.maximumQos()));
        }
        return MqttMessageBuilders.connAck()
                .returnCode(MqttConnectReturnCode.CONNECTION_ACCEPTED)
                .sessionPresent(p.sessionPresent())
                .properties(properties)
                .build();
    }

    @Override
    public MqttMessage connAckRefusal(ProtocolError error) {
        // [MQTT-3.2.2-6] a CONNACK with a reason code of 0x80 or more has session present 0.
        return MqttMessageBuilders.connAck()
                .returnCode(MqttConnectReturnCode.valueOf((byte) error.reasonCode()))
                .sessionPresent(false)
                .properties(reasonString(error.description(), true, CONNACK_HEADER))
                .build();
    }

    @Override
    public MqttMessage disconnect(ProtocolError error) {
        return MqttMessageBuilders.disconnect()
                .reasonCode((byte) error.reasonCode())
                .properties(reasonString(error.description(), true, DISCONNECT_HEADER))
                .build();
    }

    @Override
    public MqttMessage pubAck(int packetId, int reasonCode, @Nullable String reason) {
        return Packets.of(MqttMessageType.PUBACK, packetId, reasonCode, reasonString(reason, false, ACK_HEADER));
    }

    @Override
    public MqttMessage pubRec(int packetId, int reasonCode, @Nullable String reason) {
        return Packets.of(MqttMessageType.PUBREC, packetId, reasonCode, reasonString(reason, false, ACK_HEADER));
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

    /**
     * A Reason String, unless the client asked for none on this packet [MQTT-3.1.2-32] or it would take the
     * packet over the client's Maximum Packet Size [MQTT-3.2.2-19] [MQTT-3.4.2-2] [MQTT-3.5.2-2] [MQTT-3.14.2-3].
     *
     * @param alwaysAllowed whether the packet is CONNACK or DISCONNECT, which may say why in any case
     * @param header the packet's variable header bytes before its properties
     */
    private MqttProperties reasonString(@Nullable String reason, boolean alwaysAllowed, int header) {
        if (reason == null || !(alwaysAllowed || problemInformation)) {
            return MqttProperties.NO_PROPERTIES;
        }
        int propertyLength = 3 + ByteBufUtil.utf8Bytes(reason);
        int remaining = header + PublishSize.varIntSize(propertyLength) + propertyLength;
        if (1 + PublishSize.varIntSize(remaining) + remaining > clientMaximumPacketSize) {
            return MqttProperties.NO_PROPERTIES;
        }
        MqttProperties properties = new MqttProperties();
        properties.add(new StringProperty(MqttProperties.REASON_STRING, reason));
        return properties;
    }
}
