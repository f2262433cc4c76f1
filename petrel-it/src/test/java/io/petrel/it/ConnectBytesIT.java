package io.petrel.it;

import io.petrel.testkit.EmbeddedPetrel;
import io.petrel.testkit.MqttBytes.Properties;
import io.petrel.testkit.MqttPackets;
import io.petrel.testkit.RawMqttClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CONNECT, PINGREQ and DISCONNECT, and the exact bytes the server answers with. */
class ConnectBytesIT {
    /** The MQTT 5 CONNACK properties of a default server: Receive Maximum, Topic Alias Maximum, Maximum Packet Size. */
    private static final String LIMITS = "0b 21 0400 22 000a 27 00100000";

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
    void mqtt31ConnectGetsAConnack() {
        try (RawMqttClient client = RawMqttClient.open(petrel, 3)) {
            client.sendHex("10 14 0006 4d5149736470 03 02 003c 0006 763331636c69");
            client.expect("20 02 00 00");
        }
    }

    @Test
    void mqtt311ConnectGetsAConnack() {
        // [MQTT-3.2.2-1] clean session: session present 0.
        try (RawMqttClient client = RawMqttClient.open(petrel, 4)) {
            client.sendHex("10 11 0004 4d515454 04 02 003c 0005 7633313163");
            client.expect("20 02 00 00");
        }
    }

    @Test
    void mqtt5ConnectGetsAConnackWithTheServerLimits() {
        try (RawMqttClient client = RawMqttClient.open(petrel, 5)) {
            client.sendHex("10 10 0004 4d515454 05 02 003c 00 0003 763563");
            client.expect("20 0e 00 00 " + LIMITS);
        }
    }

    @Test
    void pingreqGetsPingresp() {
        // [MQTT-3.12.4-1]
        try (RawMqttClient client = RawMqttClient.open(petrel, 4)) {
            client.send(MqttPackets.connect(4, "pinger"));
            client.expect("20 02 00 00");
            client.sendHex("c0 00");
            client.expect("d0 00");
        }
    }

    @Test
    void aResumedMqtt311SessionIsPresent() {
        // MQTT 3.1.1 [MQTT-3.2.2-2]: session present 1 when the server has the session.
        try (RawMqttClient first = RawMqttClient.open(petrel, 4)) {
            first.send(MqttPackets.connect(4, "resume-4", 0, 60, Properties.none()));
            first.expect("20 02 00 00");
            first.send(MqttPackets.disconnect());
            first.expectClosedSilently();
        }
        try (RawMqttClient second = RawMqttClient.open(petrel, 4)) {
            second.send(MqttPackets.connect(4, "resume-4", 0, 60, Properties.none()));
            second.expect("20 02 01 00");
        }
    }

    @Test
    void aResumedMqtt31SessionIsNotFlaggedBecauseMqtt31HasNoSessionPresentBit() {
        // MQTT 3.1 §3.2: the first byte of the CONNACK variable header is reserved and not used; clients of that
        // level may refuse a CONNACK whose flags are not 0. The session is resumed all the same: a message queued
        // for it while it was away arrives.
        try (RawMqttClient first = RawMqttClient.open(petrel, 3)) {
            first.send(MqttPackets.connect(3, "resume-3", 0, 60, Properties.none()));
            first.expect("20 02 00 00");
            first.send(MqttPackets.subscribe(3, 1, "resume/3", 1));
            first.expect("90 03 0001 01");
            first.send(MqttPackets.disconnect());
            first.expectClosedSilently();
        }
        try (RawMqttClient publisher = RawMqttClient.open(petrel, 4)) {
            publisher.send(MqttPackets.connect(4, "resume-3-pub"));
            publisher.expect("20 02 00 00");
            publisher.send(MqttPackets.publish(4, "resume/3", 1, 1, "queued"));
            publisher.expect("40 02 0001");
        }
        try (RawMqttClient second = RawMqttClient.open(petrel, 3)) {
            second.send(MqttPackets.connect(3, "resume-3", 0, 60, Properties.none()));
            second.expect("20 02 00 00");
            second.expect("32 12 0008 726573756d652f33 0001 717565756564");
        }
    }

    @Test
    void aResumedMqtt5SessionIsPresent() {
        // [MQTT-3.2.2-3] session present 1 when Clean Start is 0 and the server has the session.
        Properties expiry = Properties.none().u32(0x11, 300);
        try (RawMqttClient first = RawMqttClient.open(petrel, 5)) {
            first.send(MqttPackets.connect(5, "resume-5", 0, 60, expiry));
            first.expect("20 0e 00 00 " + LIMITS);
            first.send(MqttPackets.disconnect(0x00));
            first.expectClosedSilently();
        }
        try (RawMqttClient second = RawMqttClient.open(petrel, 5)) {
            second.send(MqttPackets.connect(5, "resume-5", 0, 60, expiry));
            second.expect("20 0e 01 00 " + LIMITS);
        }
    }

    @Test
    void aCleanStartDiscardsTheSession() {
        // [MQTT-3.2.2-2] Clean Start 1: session present 0 even when a session existed.
        try (RawMqttClient first = RawMqttClient.open(petrel, 4)) {
            first.send(MqttPackets.connect(4, "fresh", 0, 60, Properties.none()));
            first.expect("20 02 00 00");
        }
        try (RawMqttClient second = RawMqttClient.open(petrel, 4)) {
            second.send(MqttPackets.connect(4, "fresh"));
            second.expect("20 02 00 00");
        }
    }
}
