package io.petrel.mqtt.protocol;

import io.netty.handler.codec.mqtt.MqttConnectVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.petrel.mqtt.codec.PropertiesCodec;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The packets that differ between MQTT 3 and MQTT 5. Handlers build replies only through this interface,
 * so the version differences sit in two classes: {@link Mqtt3Rules} and {@link Mqtt5Rules}.
 */
public interface VersionRules {
    /** The MQTT 3 rules, which a connection follows until its CONNECT says otherwise. */
    static VersionRules mqtt3() {
        return Mqtt3Rules.INSTANCE;
    }

    /** The MQTT 5 rules with every default: problem information wanted, no packet size limit. */
    static VersionRules mqtt5() {
        return new Mqtt5Rules(true, Long.MAX_VALUE);
    }

    /**
     * The rules a CONNECT asks for: its protocol level, and for MQTT 5 what it says about problem information
     * and the largest packet the client accepts.
     */
    static VersionRules forConnect(MqttConnectVariableHeader connect) {
        if (connect.version() != 5) {
            return connect.version() == 3 ? Mqtt3Rules.MQTT_3_1 : Mqtt3Rules.INSTANCE;
        }
        MqttProperties properties = connect.properties();
        int maximumPacketSize = PropertiesCodec.intValue(properties, MqttProperties.MAXIMUM_PACKET_SIZE, 0);
        return new Mqtt5Rules(
                PropertiesCodec.intValue(properties, MqttProperties.REQUEST_PROBLEM_INFORMATION, 1) != 0,
                maximumPacketSize == 0 ? Long.MAX_VALUE : maximumPacketSize & 0xFFFF_FFFFL);
    }

    /** Whether these are the MQTT 5 rules. */
    boolean isV5();

    /** The CONNACK that accepts a connection. */
    MqttMessage connAck(ConnAckProperties properties);

    /** The CONNACK that refuses a connection, or null where this version has no code for the error. */
    @Nullable MqttMessage connAckRefusal(ProtocolError error);

    /** The DISCONNECT the server sends before closing, or null where this version has none. */
    @Nullable MqttMessage disconnect(ProtocolError error);

    /** A PUBACK; MQTT 3 drops the reason code. */
    MqttMessage pubAck(int packetId, int reasonCode, @Nullable String reason);

    /** A PUBREC; MQTT 3 drops the reason code. */
    MqttMessage pubRec(int packetId, int reasonCode, @Nullable String reason);

    /** A PUBREL; MQTT 3 drops the reason code. */
    MqttMessage pubRel(int packetId, int reasonCode);

    /** A PUBCOMP; MQTT 3 drops the reason code. */
    MqttMessage pubComp(int packetId, int reasonCode);

    /** A SUBACK with one MQTT 5 reason code per filter; MQTT 3 turns every failure into 0x80. */
    MqttMessage subAck(int packetId, List<Integer> reasonCodes);

    /** An UNSUBACK with one MQTT 5 reason code per filter; MQTT 3 sends none. */
    MqttMessage unsubAck(int packetId, List<Short> reasonCodes);
}
