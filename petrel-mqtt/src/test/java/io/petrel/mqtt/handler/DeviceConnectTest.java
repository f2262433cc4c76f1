package io.petrel.mqtt.handler;

import static io.petrel.mqtt.handler.ConnectHandlerTest.disconnectReason;
import static io.petrel.mqtt.handler.PublishHandlerTest.assertReply;
import static io.petrel.mqtt.listener.ClientPackets.connectBuilder;
import static io.petrel.mqtt.listener.ClientPackets.properties;
import static io.petrel.mqtt.listener.ClientPackets.publish;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.petrel.api.store.platform.Device;
import io.petrel.mqtt.listener.ProtocolHarness;
import org.junit.jupiter.api.Test;

/** CONNECT of a device: its CONNACK, its platform session, and one session per device (device-api.md §0-§2). */
class DeviceConnectTest {

    @Test
    void aDevicesConnAckSaysMaximumQos1AndNeverSessionPresent() {
        try (DevicePlatformFixture devices = new DevicePlatformFixture();
                ProtocolHarness channel = devices.channel()) {
            Device pump = devices.device("pump");
            channel.send(connectBuilder(MqttVersion.MQTT_5, "pump-1").cleanSession(false)
                    .properties(properties(MqttProperties.SESSION_EXPIRY_INTERVAL, 3600))
                    .hasUser(true).username(devices.token(pump)).build());

            MqttConnAckMessage connAck = channel.read(MqttConnAckMessage.class);
            assertThat(connAck.variableHeader().connectReturnCode()).isEqualTo(MqttConnectReturnCode.CONNECTION_ACCEPTED);
            // device-api.md §0: device sessions are never persistent, whatever the client asks.
            assertThat(connAck.variableHeader().isSessionPresent()).isFalse();
            MqttProperties granted = connAck.variableHeader().properties();
            assertThat(granted.getProperty(MqttProperties.SESSION_EXPIRY_INTERVAL).value()).isEqualTo(0);
            // [MQTT-3.2.2-9] a server that takes QoS 0 and 1 only says so.
            assertThat(granted.getProperty(MqttProperties.MAXIMUM_QOS).value()).isEqualTo(1);
            assertThat(devices.platform.services().sessions().sessions(pump.id())).hasSize(1);
        }
    }

    @Test
    void aDeviceReconnectingWithoutCleanSessionFindsNoSession() {
        try (DevicePlatformFixture devices = new DevicePlatformFixture()) {
            Device pump = devices.device("pump");
            for (int i = 0; i < 2; i++) {
                try (ProtocolHarness channel = devices.channel()) {
                    channel.send(connectBuilder(MqttVersion.MQTT_3_1_1, "pump-v3").cleanSession(false)
                            .hasUser(true).username(devices.token(pump)).build());
                    assertThat(channel.read(MqttConnAckMessage.class).variableHeader().isSessionPresent())
                            .as("connection " + i).isFalse();
                    channel.drop();
                }
            }
        }
    }

    @Test
    void aNewSessionOfADeviceClosesTheOlderOneWith0x8EWhateverTheClientIds() {
        try (DevicePlatformFixture devices = new DevicePlatformFixture();
                ProtocolHarness older = devices.channel();
                ProtocolHarness newer = devices.channel()) {
            Device pump = devices.device("pump");
            connect(older, MqttVersion.MQTT_5, "first", devices.token(pump));
            connect(newer, MqttVersion.MQTT_5, "second", devices.token(pump));

            assertThat(disconnectReason(older.read())).isEqualTo(0x8E);
            assertThat(older.isOpen()).isFalse();
            assertThat(newer.isOpen()).isTrue();
            assertThat(devices.platform.services().sessions().sessions(pump.id())).hasSize(1);
        }
    }

    @Test
    void twoDevicesWithOneClientIdKeepTheirOwnSessions() {
        try (DevicePlatformFixture devices = new DevicePlatformFixture();
                ProtocolHarness first = devices.channel();
                ProtocolHarness second = devices.channel()) {
            // Cheap firmware often uses a fixed client id; the client id is not the device's identity (§0).
            connect(first, MqttVersion.MQTT_3_1_1, "ESP8266Client", devices.token(devices.device("a")));
            connect(second, MqttVersion.MQTT_3_1_1, "ESP8266Client", devices.token(devices.device("b")));

            first.send(MqttMessage.PINGREQ);
            assertThat(first.read().fixedHeader().messageType()).isEqualTo(MqttMessageType.PINGRESP);
            assertThat(first.isOpen()).isTrue();
            assertThat(second.isOpen()).isTrue();
        }
    }

    @Test
    void aDeviceDeletedBetweenItsLoginAndItsSessionIsRefusedAsNotAuthorized() {
        try (DevicePlatformFixture devices = new DevicePlatformFixture();
                ProtocolHarness channel = devices.channel()) {
            Device pump = devices.device("pump");
            devices.hold();
            channel.send(connectBuilder(MqttVersion.MQTT_3_1_1, "pump").hasUser(true).username(devices.token(pump))
                    .build());
            devices.workers.runOne();
            devices.platform.registry().deleteDevice(pump.id());
            devices.release();

            // MQTT 3 has "not authorized" as return code 5 (device-api.md §1.5).
            assertThat(channel.read(MqttConnAckMessage.class).variableHeader().connectReturnCode())
                    .isEqualTo(MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED);
            assertThat(channel.isOpen()).isFalse();
        }
    }

    @Test
    void aProvisionOnlySessionThatPublishesElsewhereIsToldAndEnded() {
        try (DevicePlatformFixture devices = new DevicePlatformFixture();
                ProtocolHarness channel = devices.channel()) {
            connect(channel, MqttVersion.MQTT_5, "any", "provision");
            channel.send(publish("v1/devices/me/telemetry", 1, 3, "{\"a\":1}"));

            // device-api.md §17: PUBACK 0x90, then DISCONNECT 0x90.
            assertReply(channel.read(), MqttMessageType.PUBACK, 3, 0x90);
            assertThat(disconnectReason(channel.read())).isEqualTo(0x90);
            assertThat(channel.isOpen()).isFalse();
        }
    }

    static void connect(ProtocolHarness channel, MqttVersion version, String clientId, String username) {
        channel.send(connectBuilder(version, clientId).hasUser(true).username(username).build());
        assertThat(channel.read(MqttConnAckMessage.class).variableHeader().connectReturnCode())
                .isEqualTo(MqttConnectReturnCode.CONNECTION_ACCEPTED);
    }
}
