package io.petrel.it;

import io.petrel.testkit.EmbeddedPetrel;
import io.petrel.testkit.MqttBytes.Properties;
import io.petrel.testkit.MqttBytes;
import io.petrel.testkit.MqttPackets;
import io.petrel.testkit.RawMqttClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SUBSCRIBE, UNSUBSCRIBE and PUBLISH in each QoS, and the exact bytes that travel back. */
class PublishBytesIT {
    private static EmbeddedPetrel petrel;

    @BeforeAll
    static void start() {
        petrel = EmbeddedPetrel.start();
    }

    @AfterAll
    static void stop() {
        petrel.close();
    }

    @Test
    void subscribeGetsASubackWithTheGrantedQos() {
        // [MQTT-3.8.4-1] [MQTT-3.8.4-2] SUBACK with the SUBSCRIBE's packet id; [MQTT-3.9.3-1] one code per filter.
        try (RawMqttClient v311 = BadInput.connected(petrel, 4, "suback-4");
                RawMqttClient v5 = BadInput.connected(petrel, 5, "suback-5")) {
            v311.send(MqttPackets.subscribe(4, 0x1234, "a/+/c", 2));
            v311.expect("90 03 1234 02");
            v5.send(MqttBytes.body().u16(7).properties(Properties.none()).utf8("a/#").u8(1).utf8("a/#/b").u8(0)
                    .packet(0x82));
            v5.expect("90 05 0007 00 01 8f");
        }
    }

    @Test
    void unsubscribeGetsAnUnsuback() {
        // [MQTT-3.10.4-4] [MQTT-3.10.4-5] UNSUBACK with the packet id, and for MQTT 5 one code per filter.
        try (RawMqttClient v311 = BadInput.connected(petrel, 4, "unsuback-4");
                RawMqttClient v5 = BadInput.connected(petrel, 5, "unsuback-5")) {
            v311.send(MqttPackets.unsubscribe(4, 3, "never/subscribed"));
            v311.expect("b0 02 0003");
            v5.send(MqttPackets.subscribe(5, 4, "x", 0));
            v5.expect("90 04 0004 00 00");
            v5.send(MqttPackets.unsubscribe(5, 5, "x"), MqttPackets.unsubscribe(5, 6, "x"));
            v5.expect("b0 04 0005 00 00");
            v5.expect("b0 04 0006 00 11");
        }
    }

    @Test
    void aQos1PublishGetsAPuback() {
        // [MQTT-4.3.2-4] PUBACK with the PUBLISH's packet id.
        try (RawMqttClient v311 = BadInput.connected(petrel, 4, "puback-4");
                RawMqttClient v5 = BadInput.connected(petrel, 5, "puback-5")) {
            v311.send(MqttPackets.publish(4, "q1", 1, 0x0102, "x"));
            v311.expect("40 02 0102");
            v5.send(MqttPackets.publish(5, "q1", 1, 0x0a0b, "x"));
            v5.expect("40 02 0a0b");
        }
    }

    @Test
    void aQos2PublishGoesThroughPubrecPubrelPubcomp() {
        // [MQTT-4.3.3-8] PUBREC, then [MQTT-4.3.3-11] PUBCOMP for the PUBREL, all with the same packet id.
        try (RawMqttClient client = BadInput.connected(petrel, 4, "qos2")) {
            client.send(MqttPackets.publish(4, "q2", 2, 9, "x"));
            client.expect("50 02 0009");
            client.send(MqttPackets.pubrel(9));
            client.expect("70 02 0009");
        }
    }

    @Test
    void aRetainedMessageReachesANewSubscriberWithTheRetainFlag() {
        // MQTT 3.1.1 [MQTT-3.3.1-8]; MQTT 5 §3.3.1.3: a retained message sent for a new subscription has RETAIN 1.
        try (RawMqttClient publisher = BadInput.connected(petrel, 4, "retainer")) {
            publisher.send(MqttPackets.publish(4, "bytes/retained", 1, 1, "kept".getBytes(), true,
                    Properties.none()));
            publisher.expect("40 02 0001");
        }
        try (RawMqttClient v311 = BadInput.connected(petrel, 4, "late-4");
                RawMqttClient v5 = BadInput.connected(petrel, 5, "late-5")) {
            v311.send(MqttPackets.subscribe(4, 2, "bytes/#", 1));
            v311.expect("90 03 0002 01");
            v311.expect("33 16 000e 62797465732f72657461696e6564 0001 6b657074");
            v5.send(MqttPackets.subscribe(5, 3, "bytes/retained", 0));
            v5.expect("90 04 0003 00 00");
            v5.expect("31 15 000e 62797465732f72657461696e6564 00 6b657074");
        }
    }

    @Test
    void anEstablishedSubscriberGetsAPublishWithoutTheRetainFlagAtTheGrantedQos() {
        // MQTT 3.1.1 [MQTT-3.3.1-9]: RETAIN 0 on an established subscription; [MQTT-3.8.4-8] the QoS is the
        // lower of the message's and the subscription's.
        try (RawMqttClient subscriber = BadInput.connected(petrel, 4, "live-sub");
                RawMqttClient publisher = BadInput.connected(petrel, 4, "live-pub")) {
            subscriber.send(MqttPackets.subscribe(4, 1, "live/t", 1));
            subscriber.expect("90 03 0001 01");
            publisher.send(MqttPackets.publish(4, "live/t", 2, 5, "hot".getBytes(), true, Properties.none()));
            publisher.expect("50 02 0005");

            subscriber.expect("32 0d 0006 6c6976652f74 0001 686f74");
            subscriber.send(MqttPackets.puback(1));
            publisher.send(MqttPackets.pubrel(5));
            publisher.expect("70 02 0005");
        }
    }

    @Test
    void mqtt5PropertiesReachTheSubscriberUnchanged() {
        // [MQTT-3.3.2-4] payload format, [MQTT-3.3.2-20] content type, [MQTT-3.3.2-15] response topic,
        // [MQTT-3.3.2-16] correlation data, [MQTT-3.3.2-17] [MQTT-3.3.2-18] user properties in their order.
        try (RawMqttClient subscriber = BadInput.connected(petrel, 5, "props-sub");
                RawMqttClient publisher = BadInput.connected(petrel, 5, "props-pub")) {
            subscriber.send(MqttPackets.subscribe(5, 1, "props", 0));
            subscriber.expect("90 04 0001 00 00");
            Properties properties = Properties.none()
                    .u8(0x01, 1)
                    .utf8(0x03, "text/plain")
                    .utf8(0x08, "reply")
                    .binary(0x09, new byte[] {7})
                    .userProperty("b", "2")
                    .userProperty("a", "1");
            publisher.send(MqttPackets.publish(5, "props", 0, 0, "hi".getBytes(), false, properties));

            // The order of different properties carries no meaning and is the encoder's; user properties keep theirs.
            subscriber.expect("30 33 0005 70726f7073 29"
                    + " 08 0005 7265706c79"
                    + " 01 01"
                    + " 09 0001 07"
                    + " 03 000a 746578742f706c61696e"
                    + " 26 0001 62 0001 32"
                    + " 26 0001 61 0001 31"
                    + " 6869");
        }
    }
}
