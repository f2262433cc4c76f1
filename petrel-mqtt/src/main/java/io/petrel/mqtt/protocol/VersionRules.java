package io.petrel.mqtt.protocol;

import io.netty.handler.codec.mqtt.MqttMessage;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The packets that differ between MQTT 3 and MQTT 5. Handlers build replies only through this interface,
 * so the version differences sit in two classes: {@link Mqtt3Rules} and {@link Mqtt5Rules}.
 */
public interface VersionRules {
    /** The rules for a protocol level, 3, 4 or 5. */
    static VersionRules forLevel(int protocolLevel, boolean problemInformation) {
        return protocolLevel == 5 ? new Mqtt5Rules(problemInformation) : Mqtt3Rules.INSTANCE;
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
