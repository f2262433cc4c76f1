package io.petrel.it;

import static io.petrel.it.BadInput.assertConnAck;
import static io.petrel.it.BadInput.assertDisconnect;
import static io.petrel.it.BadInput.connected;

import io.petrel.testkit.EmbeddedPetrel;
import io.petrel.testkit.MqttBytes.Properties;
import io.petrel.testkit.MqttBytes;
import io.petrel.testkit.MqttPackets;
import io.petrel.testkit.RawMqttClient;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Strings that are not well-formed UTF-8 or contain U+0000, wherever a packet carries one: a malformed packet
 * for MQTT 5 [MQTT-1.5.4-1] [MQTT-1.5.4-2], a closed connection for MQTT 3.1.1 [MQTT-1.5.3-1] [MQTT-1.5.3-2].
 */
class MalformedStringIT {
    /** "(" after a lead byte that needs a continuation byte. */
    private static final byte[] TRUNCATED = {(byte) 0xC3, 0x28};
    /** U+D800, a surrogate, which UTF-8 never encodes. */
    private static final byte[] SURROGATE = {(byte) 0xED, (byte) 0xA0, (byte) 0x80};
    /** "/" in two bytes instead of one. */
    private static final byte[] OVERLONG = {(byte) 0xC0, (byte) 0xAF};
    private static final byte[] WITH_NUL = {'a', 0, 'b'};

    private static EmbeddedPetrel petrel;
    private static Bystander bystander;

    @BeforeAll
    static void start() {
        petrel = EmbeddedPetrel.start();
        bystander = Bystander.connect(petrel, "strings-bystander");
    }

    @AfterAll
    static void stop() {
        bystander.close();
        petrel.close();
    }

    @Test
    void aTopicThatIsNotUtf8IsMalformed() {
        // [MQTT-3.3.2-1] the topic name is a UTF-8 Encoded String.
        for (byte[] topic : new byte[][] {TRUNCATED, SURROGATE, OVERLONG}) {
            try (BadInput check = BadInput.expect(petrel, bystander, "INVALID_UTF8");
                    RawMqttClient client = connected(petrel, 5, "topic-utf8")) {
                client.send(MqttBytes.body().string(topic).properties(Properties.none()).utf8("x").packet(0x30));
                assertDisconnect(client, 0x81);
            }
        }
    }

    @Test
    void aTopicThatIsNotUtf8ClosesAnMqtt311Connection() {
        try (BadInput check = BadInput.expect(petrel, bystander, "INVALID_UTF8");
                RawMqttClient client = connected(petrel, 4, "topic-utf8-4")) {
            client.send(MqttBytes.body().string(TRUNCATED).u16(1).utf8("x").packet(0x32));
            client.expectClosedSilently();
        }
    }

    @Test
    void aTopicWithUPlus0000IsMalformed() {
        // [MQTT-4.7.3-2] no topic name contains U+0000.
        try (BadInput check = BadInput.expect(petrel, bystander, "INVALID_UTF8");
                RawMqttClient client = connected(petrel, 5, "topic-nul")) {
            client.send(MqttBytes.body().string(WITH_NUL).properties(Properties.none()).utf8("x").packet(0x30));
            assertDisconnect(client, 0x81);
        }
    }

    @Test
    void aUserPropertyWithUPlus0000IsMalformed() {
        // [MQTT-1.5.7-1] both strings of a UTF-8 String Pair are UTF-8 Encoded Strings.
        try (BadInput check = BadInput.expect(petrel, bystander, "INVALID_UTF8");
                RawMqttClient client = connected(petrel, 5, "property-nul")) {
            Properties properties = Properties.none().userProperty("name".getBytes(StandardCharsets.UTF_8), WITH_NUL);
            client.send(MqttPackets.publish(5, "t", 1, 1, new byte[] {1}, false, properties));
            assertDisconnect(client, 0x81);
        }
    }

    @Test
    void aFilterThatIsNotUtf8IsMalformed() {
        // [MQTT-3.8.3-1] topic filters are UTF-8 Encoded Strings.
        try (BadInput check = BadInput.expect(petrel, bystander, "INVALID_UTF8");
                RawMqttClient client = connected(petrel, 5, "filter-utf8")) {
            client.send(MqttBytes.body().u16(1).properties(Properties.none()).string(SURROGATE).u8(0).packet(0x82));
            assertDisconnect(client, 0x81);
        }
    }

    @Test
    void aClientIdThatIsNotUtf8IsRefused() {
        // [MQTT-3.1.3-4] the client id is a UTF-8 Encoded String; [MQTT-3.1.4-1] a CONNECT that does not
        // conform is refused, with 0x81 for MQTT 5.
        try (BadInput check = BadInput.expect(petrel, bystander, "INVALID_UTF8");
                RawMqttClient client = RawMqttClient.open(petrel, 5)) {
            client.send(connectBody(5, MqttPackets.CLEAN_START).string(TRUNCATED).packet(0x10));
            assertConnAck(client, 0x81);
        }
    }

    @Test
    void aClientIdWithUPlus0000ClosesAnMqtt311Connection() {
        // MQTT 3.1.1 [MQTT-3.1.4-1]: a CONNECT that does not conform is closed without a CONNACK.
        try (BadInput check = BadInput.expect(petrel, bystander, "INVALID_UTF8");
                RawMqttClient client = RawMqttClient.open(petrel, 4)) {
            client.send(connectBody(4, MqttPackets.CLEAN_START).string(WITH_NUL).packet(0x10));
            client.expectClosedSilently();
        }
    }

    @Test
    void aWillTopicThatIsNotUtf8IsRefused() {
        // [MQTT-3.1.3-9] the will topic is a UTF-8 Encoded String.
        try (BadInput check = BadInput.expect(petrel, bystander, "INVALID_UTF8");
                RawMqttClient client = RawMqttClient.open(petrel, 5)) {
            client.send(connectBody(5, MqttPackets.CLEAN_START | 0x04).utf8("will-utf8")
                    .properties(Properties.none()).string(OVERLONG).binary(new byte[] {1}).packet(0x10));
            assertConnAck(client, 0x81);
        }
    }

    @Test
    void aUserNameWithUPlus0000IsRefused() {
        // [MQTT-3.1.3-10] the user name is a UTF-8 Encoded String.
        try (BadInput check = BadInput.expect(petrel, bystander, "INVALID_UTF8");
                RawMqttClient client = RawMqttClient.open(petrel, 5)) {
            client.send(connectBody(5, MqttPackets.CLEAN_START | 0x80).utf8("user-nul").string(WITH_NUL)
                    .packet(0x10));
            assertConnAck(client, 0x81);
        }
    }

    @Test
    void aConnectPropertyThatIsNotUtf8IsRefused() {
        // The decoder rejects this one inside the variable header: the answer is still an MQTT 5 CONNACK.
        try (BadInput check = BadInput.expect(petrel, bystander, "INVALID_UTF8");
                RawMqttClient client = RawMqttClient.open(petrel, 5)) {
            Properties properties = Properties.none().userProperty(SURROGATE, "v".getBytes(StandardCharsets.UTF_8));
            client.send(MqttPackets.connect(5, "property-utf8", MqttPackets.CLEAN_START, 60, properties));
            assertConnAck(client, 0x81);
        }
    }

    /** A CONNECT body up to its payload, for the payload a test writes itself. */
    private static MqttBytes connectBody(int level, int flags) {
        MqttBytes body = MqttBytes.body().utf8("MQTT").u8(level).u8(flags).u16(60);
        return level == 5 ? body.properties(Properties.none()) : body;
    }
}
