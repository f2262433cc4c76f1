package io.petrel.it;

import static io.petrel.it.BadInput.assertDisconnect;
import static io.petrel.it.BadInput.connected;

import io.petrel.testkit.EmbeddedPetrel;
import io.petrel.testkit.MqttBytes.Properties;
import io.petrel.testkit.MqttBytes;
import io.petrel.testkit.MqttPackets;
import io.petrel.testkit.RawMqttClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CONNECT in the wrong place, twice, in an unknown version, or with an identifier the server refuses. */
class ConnectProtocolIT {
    private static EmbeddedPetrel petrel;
    private static Bystander bystander;

    @BeforeAll
    static void start() {
        petrel = EmbeddedPetrel.start();
        bystander = Bystander.connect(petrel, "connect-bystander");
    }

    @AfterAll
    static void stop() {
        bystander.close();
        petrel.close();
    }

    @Test
    void aPacketBeforeConnectClosesTheConnectionWithoutAReply() {
        // [MQTT-3.1.0-1] the first packet is CONNECT; [MQTT-3.14.0-1] no DISCONNECT before a CONNACK.
        for (int level : new int[] {4, 5}) {
            try (BadInput check = BadInput.expect(petrel, bystander, "FIRST_PACKET_NOT_CONNECT");
                    RawMqttClient client = RawMqttClient.open(petrel, level)) {
                client.send(MqttPackets.publish(level, "early", 1, 1, "too soon"));
                client.expectClosedSilently();
            }
        }
    }

    @Test
    void aSecondConnectIsAProtocolError() {
        // [MQTT-3.1.0-2]
        try (BadInput check = BadInput.expect(petrel, bystander, "SECOND_CONNECT");
                RawMqttClient client = connected(petrel, 5, "twice-5")) {
            client.send(MqttPackets.connect(5, "twice-5"));
            assertDisconnect(client, 0x82);
        }
    }

    @Test
    void aSecondConnectClosesAnMqtt311Connection() {
        // MQTT 3.1.1 [MQTT-3.1.0-2]: a protocol violation, and the client is disconnected.
        try (BadInput check = BadInput.expect(petrel, bystander, "SECOND_CONNECT");
                RawMqttClient client = connected(petrel, 4, "twice-4")) {
            client.send(MqttPackets.connect(4, "twice-4"));
            client.expectClosedSilently();
        }
    }

    @Test
    void aSecondConnectSentBeforeTheConnackIsAProtocolErrorToo() {
        try (BadInput check = BadInput.expect(petrel, bystander, "SECOND_CONNECT");
                RawMqttClient client = RawMqttClient.open(petrel, 5)) {
            client.send(MqttPackets.connect(5, "eager"), MqttPackets.connect(5, "eager"));
            client.expect("20 0e 00 00 0b 21 0400 22 000a 27 00100000");
            assertDisconnect(client, 0x82);
        }
    }

    @Test
    void anUnsupportedProtocolLevelGetsReturnCode1() {
        // MQTT 3.1.1 [MQTT-3.1.2-2]: 0x01 and a close; the server cannot know the client's version, so it answers
        // in the oldest form, as MQTT 5 [MQTT-3.1.2-2] allows.
        try (BadInput check = BadInput.expect(petrel, bystander, "UNSUPPORTED_PROTOCOL_VERSION");
                RawMqttClient client = RawMqttClient.open(petrel, 4)) {
            client.send(MqttBytes.body().utf8("MQTT").u8(6).u8(MqttPackets.CLEAN_START).u16(60).utf8("v6")
                    .packet(0x10));
            client.expect("20 02 00 01");
            client.expectClosedSilently();
        }
    }

    @Test
    void anEmptyClientIdWithoutCleanSessionIsRejectedInMqtt311() {
        // MQTT 3.1.1 [MQTT-3.1.3-8]
        try (BadInput check = BadInput.expect(petrel, bystander, "CLIENT_IDENTIFIER_NOT_VALID");
                RawMqttClient client = RawMqttClient.open(petrel, 4)) {
            client.send(MqttPackets.connect(4, "", 0, 60, Properties.none()));
            client.expect("20 02 00 02");
            client.expectClosedSilently();
        }
    }

    @Test
    void anAuthPacketWithoutAnAuthenticationMethodIsAProtocolError() {
        // [MQTT-4.12.0-7]
        try (BadInput check = BadInput.expect(petrel, bystander, "PROTOCOL_ERROR");
                RawMqttClient client = connected(petrel, 5, "auth")) {
            client.send(MqttBytes.body().u8(0x19).properties(Properties.none()).packet(0xF0));
            assertDisconnect(client, 0x82);
        }
    }

    @Test
    void theConnectionTakenOverSeesSessionTakenOver() {
        // [MQTT-3.1.4-3]
        try (BadInput check = BadInput.expect(petrel, bystander, "SESSION_TAKEN_OVER");
                RawMqttClient old = connected(petrel, 5, "taken");
                RawMqttClient replacement = connected(petrel, 5, "taken")) {
            assertDisconnect(old, 0x8E);
            replacement.ping();
        }
    }

    @Test
    void aClientUsingEnhancedAuthenticationIsRefused() {
        // [MQTT-4.12.0-1]
        try (BadInput check = BadInput.expect(petrel, bystander, "BAD_AUTHENTICATION_METHOD");
                RawMqttClient client = RawMqttClient.open(petrel, 5)) {
            client.send(MqttPackets.connect(5, "scram", MqttPackets.CLEAN_START, 60,
                    Properties.none().utf8(0x15, "SCRAM-SHA-256")));
            BadInput.assertConnAck(client, 0x8C);
        }
    }
}
