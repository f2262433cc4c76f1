package io.petrel.testkit;

import io.petrel.testkit.MqttBytes.Properties;
import java.nio.charset.StandardCharsets;

/**
 * The well-formed packets a client sends, as exact bytes, for each protocol level: 3 (MQTT 3.1), 4 (3.1.1) and
 * 5. Properties are written only for level 5. For anything unusual, write the packet with {@link MqttBytes}.
 */
public final class MqttPackets {
    /** The Clean Start (Clean Session) flag of CONNECT. */
    public static final int CLEAN_START = 0x02;
    /** The User Name flag of CONNECT. */
    public static final int USER_NAME = 0x80;

    private MqttPackets() {
    }

    /** A CONNECT with clean start, a 60 s keep alive and no properties. */
    public static byte[] connect(int level, String clientId) {
        return connect(level, clientId, CLEAN_START, 60, Properties.none());
    }

    /** A CONNECT with the given connect flags and keep alive; properties are written for level 5 only. */
    public static byte[] connect(int level, String clientId, int flags, int keepAlive, Properties properties) {
        MqttBytes body = MqttBytes.body().utf8(level == 3 ? "MQIsdp" : "MQTT").u8(level).u8(flags).u16(keepAlive);
        if (level == 5) {
            body.properties(properties);
        }
        return body.utf8(clientId).packet(0x10);
    }

    /** A CONNECT with clean start, a 60 s keep alive and a user name, as a device logs in with its access token. */
    public static byte[] connect(int level, String clientId, String userName) {
        MqttBytes body = MqttBytes.body().utf8(level == 3 ? "MQIsdp" : "MQTT").u8(level).u8(CLEAN_START | USER_NAME)
                .u16(60);
        if (level == 5) {
            body.properties(Properties.none());
        }
        return body.utf8(clientId).utf8(userName).packet(0x10);
    }

    /** A SUBSCRIBE to one filter with its options byte (the maximum QoS, for levels 3 and 4). */
    public static byte[] subscribe(int level, int packetId, String filter, int options) {
        return subscribe(level, packetId, filter, options, Properties.none());
    }

    /** A SUBSCRIBE to one filter, with properties for level 5. */
    public static byte[] subscribe(int level, int packetId, String filter, int options, Properties properties) {
        MqttBytes body = MqttBytes.body().u16(packetId);
        if (level == 5) {
            body.properties(properties);
        }
        return body.utf8(filter).u8(options).packet(0x82);
    }

    /** An UNSUBSCRIBE from one filter. */
    public static byte[] unsubscribe(int level, int packetId, String filter) {
        MqttBytes body = MqttBytes.body().u16(packetId);
        if (level == 5) {
            body.properties(Properties.none());
        }
        return body.utf8(filter).packet(0xA2);
    }

    /** A PUBLISH with a UTF-8 payload, not retained, without properties. */
    public static byte[] publish(int level, String topic, int qos, int packetId, String payload) {
        return publish(level, topic, qos, packetId, payload.getBytes(StandardCharsets.UTF_8), false,
                Properties.none());
    }

    /** A PUBLISH; the packet id is written only for QoS 1 and 2, the properties only for level 5. */
    public static byte[] publish(int level, String topic, int qos, int packetId, byte[] payload, boolean retain,
            Properties properties) {
        MqttBytes body = MqttBytes.body().utf8(topic);
        if (qos > 0) {
            body.u16(packetId);
        }
        if (level == 5) {
            body.properties(properties);
        }
        return body.raw(payload).packet(0x30 | qos << 1 | (retain ? 1 : 0));
    }

    /** A PUBACK in its short form, which every level accepts: reason code 0, no properties. */
    public static byte[] puback(int packetId) {
        return MqttBytes.body().u16(packetId).packet(0x40);
    }

    /** A PUBREC in its short form. */
    public static byte[] pubrec(int packetId) {
        return MqttBytes.body().u16(packetId).packet(0x50);
    }

    /** A PUBREL in its short form, with the fixed header flags 0010 it requires. */
    public static byte[] pubrel(int packetId) {
        return MqttBytes.body().u16(packetId).packet(0x62);
    }

    /** A PUBCOMP in its short form. */
    public static byte[] pubcomp(int packetId) {
        return MqttBytes.body().u16(packetId).packet(0x70);
    }

    /** A PINGREQ. */
    public static byte[] pingreq() {
        return MqttBytes.fromHex("c0 00");
    }

    /** A DISCONNECT with reason code 0x00, which every level accepts. */
    public static byte[] disconnect() {
        return MqttBytes.fromHex("e0 00");
    }

    /** An MQTT 5 DISCONNECT with a reason code and no properties. */
    public static byte[] disconnect(int reasonCode) {
        return MqttBytes.body().u8(reasonCode).packet(0xE0);
    }
}
