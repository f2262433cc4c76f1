package io.petrel.it.device;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPubReplyMessageVariableHeader;
import io.netty.handler.codec.mqtt.MqttReasonCodeAndPropertiesVariableHeader;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import io.petrel.testkit.MqttPackets;
import io.petrel.testkit.RawMqttClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The error matrix of device-api.md §17 over the wire, row by row, for MQTT 5 and MQTT 3.1.1 (protocol levels 5
 * and 4), in exact packets from a raw client. After each row, well-behaved clients are still served.
 */
class DeviceErrorMatrixIT {
    private static DeviceServer server;
    private static Bystanders bystanders;
    private static int devices;

    @BeforeAll
    static void start() {
        server = DeviceServer.start();
        bystanders = new Bystanders(server, "bystander");
    }

    @AfterEach
    void othersStillServed() throws InterruptedException {
        bystanders.assertStillServed();
    }

    @AfterAll
    static void stop() {
        bystanders.close();
        server.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 4})
    void aPayloadThatIsNoJsonIsRefusedWith0x99OrClosesAnMqtt3Session(int level) {
        try (RawMqttClient device = device(level)) {
            device.send(MqttPackets.publish(level, "v1/devices/me/telemetry", 1, 1, "not json"));
            if (level == 5) {
                assertThat(pubAckCode(device.read(), 1)).isEqualTo(0x99);
                device.ping();
            } else {
                device.expectClosedSilently();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 4})
    void anUnknownTopicIsRefusedWith0x90OrAcknowledgedPlainlyAndTheSessionGoesOn(int level) {
        try (RawMqttClient device = device(level)) {
            device.send(MqttPackets.publish(level, "v1/devices/me/bogus", 1, 1, "{}"));
            assertThat(pubAckCode(device.read(), 1)).isEqualTo(level == 5 ? 0x90 : 0);
            device.ping();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 4})
    void atQos0AnUnknownTopicIsIgnoredAndABadPayloadEndsTheSession(int level) {
        try (RawMqttClient device = device(level)) {
            device.send(MqttPackets.publish(level, "v1/devices/me/bogus", 0, 0, "{}"));
            device.ping();
            device.send(MqttPackets.publish(level, "v1/devices/me/attributes", 0, 0, "[1]"));
            if (level == 5) {
                assertThat(disconnectReason(device.read())).isEqualTo(0x99);
            }
            device.expectClosedSilently();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 4})
    void anUnsupportedFilterIsRefusedInItsSubAckSlot(int level) {
        try (RawMqttClient device = device(level)) {
            device.send(MqttPackets.subscribe(level, 1, "v1/devices/+/telemetry", 1));
            MqttSubAckMessage subAck = device.read(MqttSubAckMessage.class);
            assertThat(subAck.payload().reasonCodes()).containsExactly(level == 5 ? 0x8F : 0x80);
            device.send(MqttPackets.subscribe(level, 2, "v1/devices/me/rpc/request/+", 1));
            assertThat(device.read(MqttSubAckMessage.class).payload().reasonCodes()).containsExactly(1);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 4})
    void aSecondConnectIsAProtocolError(int level) {
        try (RawMqttClient device = device(level)) {
            device.send(MqttPackets.connect(level, "again", "whatever"));
            if (level == 5) {
                assertThat(disconnectReason(device.read())).isEqualTo(0x82);
            }
            device.expectClosedSilently();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 4})
    void aPacketBeforeConnectEndsTheConnectionSilently(int level) {
        try (RawMqttClient device = RawMqttClient.open(server.petrel, level)) {
            device.send(MqttPackets.publish(level, "v1/devices/me/telemetry", 1, 1, "{}"));
            device.expectClosedSilently();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 4})
    void aDeviceThatIsNoGatewayMayNotUseTheGatewayTopics(int level) {
        try (RawMqttClient device = device(level)) {
            device.send(MqttPackets.publish(level, "v1/gateway/telemetry", 1, 1, "{\"Pump 7\":[{\"rpm\":900}]}"));
            assertThat(pubAckCode(device.read(), 1)).isEqualTo(level == 5 ? 0x87 : 0);
            device.ping();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 4})
    void aProvisionOnlySessionPublishingElsewhereIsEnded(int level) {
        try (RawMqttClient device = RawMqttClient.open(server.petrel, level)) {
            device.send(MqttPackets.connect(level, "prov-" + level, "provision"));
            assertAccepted(device);
            device.send(MqttPackets.publish(level, "v1/devices/me/telemetry", 1, 1, "{\"a\":1}"));
            if (level == 5) {
                assertThat(pubAckCode(device.read(), 1)).isEqualTo(0x90);
                assertThat(disconnectReason(device.read())).isEqualTo(0x90);
            }
            device.expectClosedSilently();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 4})
    void aQos2PublishIsNotSupported(int level) {
        try (RawMqttClient device = device(level)) {
            device.send(MqttPackets.publish(level, "v1/devices/me/telemetry", 2, 1, "{\"a\":1}"));
            // device-api.md §0: 0x9B, and no PUBREC before it.
            if (level == 5) {
                assertThat(disconnectReason(device.read())).isEqualTo(0x9B);
            }
            device.expectClosedSilently();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 4})
    void aMalformedPacketEndsTheSessionWith0x81(int level) {
        try (RawMqttClient device = device(level)) {
            // [MQTT-3.3.1-2] DUP set on a QoS 0 PUBLISH.
            byte[] publish = MqttPackets.publish(level, "v1/devices/me/telemetry", 0, 0, "{}");
            publish[0] |= 0x08;
            device.send(publish);
            if (level == 5) {
                assertThat(disconnectReason(device.read())).isEqualTo(0x81);
            }
            device.expectClosedSilently();
        }
    }

    private static RawMqttClient device(int level) {
        String name = "matrix-" + (++devices);
        RawMqttClient client = RawMqttClient.open(server.petrel, level);
        client.send(MqttPackets.connect(level, name, server.token(server.device(name))));
        assertAccepted(client);
        return client;
    }

    private static void assertAccepted(RawMqttClient client) {
        assertThat(client.read(MqttConnAckMessage.class).variableHeader().connectReturnCode())
                .isEqualTo(MqttConnectReturnCode.CONNECTION_ACCEPTED);
    }

    private static int pubAckCode(MqttMessage packet, int packetId) {
        assertThat(packet.fixedHeader().messageType()).isEqualTo(MqttMessageType.PUBACK);
        if (packet.variableHeader() instanceof MqttPubReplyMessageVariableHeader header) {
            assertThat(header.messageId()).isEqualTo(packetId);
            return header.reasonCode() & 0xFF;
        }
        assertThat(((MqttMessageIdVariableHeader) packet.variableHeader()).messageId()).isEqualTo(packetId);
        return 0;
    }

    private static int disconnectReason(MqttMessage packet) {
        assertThat(packet.fixedHeader().messageType()).isEqualTo(MqttMessageType.DISCONNECT);
        return ((MqttReasonCodeAndPropertiesVariableHeader) packet.variableHeader()).reasonCode() & 0xFF;
    }
}
