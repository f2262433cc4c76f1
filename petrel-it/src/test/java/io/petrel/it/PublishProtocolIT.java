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

/** PUBLISH, SUBSCRIBE and UNSUBSCRIBE packets that parse but break a rule of the protocol. */
class PublishProtocolIT {
    private static EmbeddedPetrel petrel;
    private static Bystander bystander;

    @BeforeAll
    static void start() {
        petrel = EmbeddedPetrel.start();
        bystander = Bystander.connect(petrel, "publish-bystander");
    }

    @AfterAll
    static void stop() {
        bystander.close();
        petrel.close();
    }

    @Test
    void aWildcardInATopicNameIsRefused() {
        // [MQTT-3.3.2-2] [MQTT-4.7.0-1] MQTT 5 says 0x90 Topic Name invalid.
        for (String topic : new String[] {"a/+", "a/#", "+"}) {
            try (BadInput check = BadInput.expect(petrel, bystander, "TOPIC_NAME_INVALID");
                    RawMqttClient client = connected(petrel, 5, "wildcard-5")) {
                client.send(MqttPackets.publish(5, topic, 0, 0, "x"));
                assertDisconnect(client, 0x90);
            }
        }
    }

    @Test
    void aWildcardInATopicNameClosesAnMqtt311Connection() {
        try (BadInput check = BadInput.expect(petrel, bystander, "TOPIC_NAME_INVALID");
                RawMqttClient client = connected(petrel, 4, "wildcard-4")) {
            client.send(MqttPackets.publish(4, "sensors/#", 1, 1, "x"));
            client.expectClosedSilently();
        }
    }

    @Test
    void packetIdZeroIsAProtocolError() {
        // [MQTT-2.2.1-3] PUBLISH above QoS 0, SUBSCRIBE and UNSUBSCRIBE carry a non-zero packet identifier.
        byte[][] packets = {
            MqttPackets.publish(5, "t", 1, 0, "x"),
            MqttPackets.publish(5, "t", 2, 0, "x"),
            MqttPackets.subscribe(5, 0, "t", 0),
            MqttPackets.unsubscribe(5, 0, "t"),
        };
        for (byte[] packet : packets) {
            try (BadInput check = BadInput.expect(petrel, bystander, "PACKET_ID_ZERO");
                    RawMqttClient client = connected(petrel, 5, "id0-5")) {
                client.send(packet);
                assertDisconnect(client, 0x82);
            }
        }
    }

    @Test
    void packetIdZeroClosesAnMqtt311Connection() {
        // MQTT 3.1.1 [MQTT-2.3.1-1]
        try (BadInput check = BadInput.expect(petrel, bystander, "PACKET_ID_ZERO");
                RawMqttClient client = connected(petrel, 4, "id0-4")) {
            client.send(MqttPackets.subscribe(4, 0, "t", 1));
            client.expectClosedSilently();
        }
    }

    @Test
    void theDupFlagOnAQos0PublishIsMalformed() {
        // [MQTT-3.3.1-2]
        try (BadInput check = BadInput.expect(petrel, bystander, "MALFORMED_PACKET");
                RawMqttClient client = connected(petrel, 5, "dup0")) {
            client.send(MqttBytes.body().utf8("t").properties(Properties.none()).utf8("x").packet(0x38));
            assertDisconnect(client, 0x81);
        }
    }

    @Test
    void aTopicAliasOfZeroIsInvalid() {
        // [MQTT-3.3.2-8]
        try (BadInput check = BadInput.expect(petrel, bystander, "TOPIC_ALIAS_INVALID");
                RawMqttClient client = connected(petrel, 5, "alias0")) {
            client.send(MqttPackets.publish(5, "t", 0, 0, new byte[] {1}, false, Properties.none().u16(0x23, 0)));
            assertDisconnect(client, 0x94);
        }
    }

    @Test
    void aQos0PayloadThatIsNotTheUtf8ItClaimsToBeEndsTheConnection() {
        // §3.3.2.3.2: a payload format indicator of 1 promises UTF-8; 0x99 Payload format invalid.
        try (BadInput check = BadInput.expect(petrel, bystander, "PAYLOAD_FORMAT_INVALID");
                RawMqttClient client = connected(petrel, 5, "pfi")) {
            client.send(MqttPackets.publish(5, "t", 0, 0, new byte[] {(byte) 0xFF}, false,
                    Properties.none().u8(0x01, 1)));
            assertDisconnect(client, 0x99);
        }
    }
}
