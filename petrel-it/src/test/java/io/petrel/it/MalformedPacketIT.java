package io.petrel.it;

import static io.petrel.it.BadInput.assertConnAck;
import static io.petrel.it.BadInput.assertDisconnect;
import static io.petrel.it.BadInput.connected;

import io.petrel.mqtt.protocol.MqttProtocolConfig;
import io.petrel.testkit.EmbeddedPetrel;
import io.petrel.testkit.MqttBytes;
import io.petrel.testkit.MqttPackets;
import io.petrel.testkit.RawMqttClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Packets that cannot be parsed: a bad remaining length, reserved flags, and packets over the size limit. An
 * MQTT 5 client gets the reason code the specification gives, an MQTT 3 client a close; each is counted and
 * logged, and a bystander never notices.
 */
class MalformedPacketIT {
    private static final int MAX_PACKET_SIZE = 4096;

    private static EmbeddedPetrel petrel;
    private static Bystander bystander;

    @BeforeAll
    static void start() {
        petrel = EmbeddedPetrel.withConfig(config -> config.withProtocol(withMaxPacketSize(config.protocol())));
        bystander = Bystander.connect(petrel, "malformed-bystander");
    }

    @AfterAll
    static void stop() {
        bystander.close();
        petrel.close();
    }

    @Test
    void aRemainingLengthOfFiveBytesIsMalformed() {
        // [MQTT-1.5.5-1] a Variable Byte Integer has at most four bytes; MQTT 5 says 0x81, and the connection
        // closes [MQTT-4.13.1-1].
        try (BadInput check = BadInput.expect(petrel, bystander, "MALFORMED_REMAINING_LENGTH");
                RawMqttClient client = connected(petrel, 5, "rl-5")) {
            client.sendHex("30 ff ff ff ff 01");
            assertDisconnect(client, 0x81);
        }
    }

    @Test
    void aRemainingLengthOfFiveBytesClosesAnMqtt311Connection() {
        try (BadInput check = BadInput.expect(petrel, bystander, "MALFORMED_REMAINING_LENGTH");
                RawMqttClient client = connected(petrel, 4, "rl-4")) {
            client.sendHex("30 ff ff ff ff 01");
            client.expectClosedSilently();
        }
    }

    @Test
    void aBadRemainingLengthAsTheFirstPacketClosesWithoutAReply() {
        // [MQTT-3.14.0-1] no DISCONNECT before a CONNACK.
        try (BadInput check = BadInput.expect(petrel, bystander, "MALFORMED_REMAINING_LENGTH");
                RawMqttClient client = RawMqttClient.open(petrel, 5)) {
            client.sendHex("10 80 80 80 80 01");
            client.expectClosedSilently();
        }
    }

    @Test
    void subscribeWithReservedFlagsIsMalformed() {
        // [MQTT-3.8.1-1] the SUBSCRIBE flags are 0010; anything else is malformed.
        try (BadInput check = BadInput.expect(petrel, bystander, "RESERVED_FLAGS");
                RawMqttClient client = connected(petrel, 5, "flags-sub-5")) {
            client.sendHex("80 07 0001 00 0001 61 00");
            assertDisconnect(client, 0x81);
        }
    }

    @Test
    void subscribeWithReservedFlagsClosesAnMqtt311Connection() {
        // MQTT 3.1.1 [MQTT-2.2.2-2]: invalid flags close the connection.
        try (BadInput check = BadInput.expect(petrel, bystander, "RESERVED_FLAGS");
                RawMqttClient client = connected(petrel, 4, "flags-sub-4")) {
            client.sendHex("80 06 0001 0001 61 00");
            client.expectClosedSilently();
        }
    }

    @Test
    void pubrelWithReservedFlagsIsMalformed() {
        // [MQTT-3.6.1-1] the PUBREL flags are 0010.
        try (BadInput check = BadInput.expect(petrel, bystander, "RESERVED_FLAGS");
                RawMqttClient client = connected(petrel, 5, "flags-pubrel")) {
            client.sendHex("60 02 0001");
            assertDisconnect(client, 0x81);
        }
    }

    @Test
    void aPublishWithBothQosBitsSetIsMalformed() {
        // [MQTT-3.3.1-4]
        try (BadInput check = BadInput.expect(petrel, bystander, "RESERVED_FLAGS");
                RawMqttClient client = connected(petrel, 5, "qos3")) {
            client.send(MqttBytes.body().utf8("t").u16(1).u8(0).utf8("x").packet(0x36));
            assertDisconnect(client, 0x81);
        }
    }

    @Test
    void aConnectWithTheReservedFlagSetIsRefused() {
        // [MQTT-3.1.2-3] [MQTT-3.1.4-1] MQTT 5 may say 0x81 in a CONNACK before closing.
        try (BadInput check = BadInput.expect(petrel, bystander, "RESERVED_FLAGS");
                RawMqttClient client = RawMqttClient.open(petrel, 5)) {
            client.send(MqttPackets.connect(5, "reserved-5", MqttPackets.CLEAN_START | 0x01, 60,
                    MqttBytes.Properties.none()));
            assertConnAck(client, 0x81);
        }
    }

    @Test
    void anMqtt311ConnectWithTheReservedFlagSetIsClosedWithoutAConnack() {
        // MQTT 3.1.1 [MQTT-3.1.2-3] [MQTT-3.1.4-1]: close without a CONNACK.
        try (BadInput check = BadInput.expect(petrel, bystander, "RESERVED_FLAGS");
                RawMqttClient client = RawMqttClient.open(petrel, 4)) {
            client.send(MqttPackets.connect(4, "reserved-4", MqttPackets.CLEAN_START | 0x01, 60,
                    MqttBytes.Properties.none()));
            client.expectClosedSilently();
        }
    }

    @Test
    void aPacketOverTheMaximumSizeEndsTheConnection() {
        // [MQTT-3.2.2-15] a client respects the server's Maximum Packet Size; §3.2.2.3.6 says 0x95 otherwise.
        try (BadInput check = BadInput.expect(petrel, bystander, "PACKET_TOO_LARGE");
                RawMqttClient client = connected(petrel, 5, "big-5")) {
            client.send(MqttPackets.publish(5, "big", 0, 0, "x".repeat(MAX_PACKET_SIZE)));
            assertDisconnect(client, 0x95);
        }
    }

    @Test
    void aPacketOverTheMaximumSizeClosesAnMqtt311Connection() {
        try (BadInput check = BadInput.expect(petrel, bystander, "PACKET_TOO_LARGE");
                RawMqttClient client = connected(petrel, 4, "big-4")) {
            client.send(MqttPackets.publish(4, "big", 1, 1, "x".repeat(MAX_PACKET_SIZE)));
            client.expectClosedSilently();
        }
    }

    @Test
    void aConnectOverTheMaximumSizeIsRefused() {
        try (BadInput check = BadInput.expect(petrel, bystander, "PACKET_TOO_LARGE");
                RawMqttClient client = RawMqttClient.open(petrel, 5)) {
            client.send(MqttPackets.connect(5, "c".repeat(MAX_PACKET_SIZE)));
            assertConnAck(client, 0x95);
        }
    }

    @Test
    void aHugeAnnouncedLengthIsRefusedBeforeItArrives() {
        // The server answers as soon as the header announces too much: it never buffers 256 MB to find out.
        try (BadInput check = BadInput.expect(petrel, bystander, "PACKET_TOO_LARGE");
                RawMqttClient client = connected(petrel, 5, "huge")) {
            client.sendHex("30 ff ff ff 7f 0001 74");
            assertDisconnect(client, 0x95);
        }
    }

    @Test
    void aPacketTypeThatDoesNotExistIsMalformed() {
        try (BadInput check = BadInput.expect(petrel, bystander, "MALFORMED_PACKET");
                RawMqttClient client = connected(petrel, 5, "type0")) {
            client.sendHex("00 00");
            assertDisconnect(client, 0x81);
        }
    }

    private static MqttProtocolConfig withMaxPacketSize(MqttProtocolConfig c) {
        return new MqttProtocolConfig(MAX_PACKET_SIZE, c.maxClientIdLength(), c.receiveMaximum(),
                c.topicAliasMaximum(), c.maxKeepAliveSeconds(), c.connectTimeoutSeconds(), c.retainAvailable(),
                c.maxPendingBeforeConnect());
    }
}
