package io.petrel.mqtt.handler;

import static io.petrel.mqtt.handler.ConnectHandlerTest.disconnectReason;
import static io.petrel.mqtt.handler.DeviceConnectTest.connect;
import static io.petrel.mqtt.handler.PublishHandlerTest.assertReply;
import static io.petrel.mqtt.listener.ClientPackets.publish;
import static io.petrel.mqtt.listener.ClientPackets.qos;
import static io.petrel.mqtt.listener.ClientPackets.reply;
import static io.petrel.mqtt.listener.ClientPackets.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.petrel.api.Message;
import io.petrel.api.QoS;
import io.petrel.api.store.platform.Device;
import io.petrel.api.store.platform.PayloadType;
import io.petrel.api.store.platform.ProvisionStrategy;
import io.petrel.mqtt.listener.ProtocolHarness;
import io.petrel.platform.PlatformConfig;
import io.petrel.platform.api.DeliveryListener;
import io.petrel.platform.api.Outbound;
import io.petrel.platform.registry.NewProfile;
import io.petrel.platform.rpc.RpcCall;
import io.petrel.platform.rpc.RpcRequest;
import io.petrel.platform.rpc.RpcStatus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A device's packets on the wire: routing, order, flow control and the messages the platform sends it. */
class DeviceTrafficTest {

    @Test
    void aQos2PublishEndsTheSessionWithQosNotSupportedAndNoPubRec() {
        try (DevicePlatformFixture devices = new DevicePlatformFixture();
                ProtocolHarness channel = devices.channel()) {
            connect(channel, MqttVersion.MQTT_5, "pump", devices.token(devices.device("pump")));
            channel.send(publish("v1/devices/me/telemetry", 2, 1, "{\"a\":1}"));

            // device-api.md §0: the CONNACK said Maximum QoS 1 [MQTT-3.2.2-11]; 0x9B, before any PUBREC.
            assertThat(disconnectReason(channel.read())).isEqualTo(0x9B);
            assertThat(channel.isOpen()).isFalse();
        }
    }

    @Test
    void pubAcksKeepArrivalOrderWhetherThePlatformOrTheBrokerHandledThePublish() {
        try (DevicePlatformFixture devices = new DevicePlatformFixture();
                ProtocolHarness channel = devices.channel()) {
            connect(channel, MqttVersion.MQTT_5, "pump", devices.token(devices.device("pump")));
            devices.hold();
            channel.send(publish("v1/devices/me/attributes", 1, 1, "{\"model\":\"X1\"}"),
                    publish("device/pump/events", 1, 2, "started"));
            assertThat(channel.read()).as("the attribute save still waits, and so does the second PUBACK").isNull();

            devices.release();
            // [MQTT-4.6.0-2] PUBACKs in the order of their PUBLISH packets.
            assertReply(channel.read(), MqttMessageType.PUBACK, 1, 0);
            assertReply(channel.read(), MqttMessageType.PUBACK, 2, 0);
        }
    }

    @Test
    void aDeviceKeepsToTheDeviceApiAndItsOwnNamespace() {
        try (DevicePlatformFixture devices = new DevicePlatformFixture();
                ProtocolHarness channel = devices.channel()) {
            connect(channel, MqttVersion.MQTT_5, "pump", devices.token(devices.device("pump")));
            channel.send(MqttMessageBuilders.subscribe().messageId(1)
                    .addSubscription("device/+/telemetry/#", qos(1))
                    .addSubscription("device/pump/#", qos(2))
                    .addSubscription("v1/devices/me/rpc/request/+", qos(2))
                    .addSubscription("#", qos(0)).build());

            // Others' data and wildcards are refused (device-api.md §4.3); its own namespace and the device API
            // topics are granted at most QoS 1 [MQTT-3.2.2-10].
            assertThat(channel.read(MqttSubAckMessage.class).payload().reasonCodes())
                    .containsExactly(0x8F, 1, 1, 0x8F);
            MqttPublishMessage status = channel.read(MqttPublishMessage.class);
            assertThat(status.variableHeader().topicName()).as("its own retained status").isEqualTo("device/pump/status");
            assertThat(status.fixedHeader().isRetain()).isTrue();
            status.release();
            channel.send(publish("building/lights", 1, 2, "on"));
            assertReply(channel.read(), MqttMessageType.PUBACK, 2, 0x90);
            channel.send(publish("device/other/telemetry", 1, 3, "{\"t\":1}"));
            assertReply(channel.read(), MqttMessageType.PUBACK, 3, 0x87);
            assertThat(channel.isOpen()).isTrue();
        }
    }

    @Test
    void anMqtt3DeviceGetsPlainAcknowledgementsForWhatItMayNotDo() {
        try (DevicePlatformFixture devices = new DevicePlatformFixture();
                ProtocolHarness channel = devices.channel()) {
            connect(channel, MqttVersion.MQTT_3_1_1, "pump", devices.token(devices.device("pump")));
            channel.send(subscribe(1, "device/+/status", qos(1)));
            assertThat(channel.read(MqttSubAckMessage.class).payload().reasonCodes()).containsExactly(0x80);
            // device-api.md §17: an unknown topic gets a plain PUBACK and the session goes on.
            channel.send(publish("v1/devices/me/unknown", 1, 2, "{}"));
            assertReply(channel.read(), MqttMessageType.PUBACK, 2, 0);
            // A payload error closes an MQTT 3 session: it cannot be told.
            channel.send(publish("v1/devices/me/attributes", 1, 3, "not json"));
            assertThat(channel.read()).isNull();
            assertThat(channel.isOpen()).isFalse();
        }
    }

    @Test
    void messagesFromThePlatformAndFromSubscriptionsShareThePacketIdsOfOneSession() {
        try (DevicePlatformFixture devices = new DevicePlatformFixture();
                ProtocolHarness channel = devices.channel()) {
            Device pump = devices.device("pump");
            connect(channel, MqttVersion.MQTT_5, "pump", devices.token(pump));
            channel.send(MqttMessageBuilders.subscribe().messageId(1).addSubscription("device/pump/commands", qos(1))
                    .addSubscription("v1/devices/me/rpc/request/+", qos(1)).build());
            assertThat(channel.read(MqttSubAckMessage.class).payload().reasonCodes()).containsExactly(1, 1);

            devices.engine.publish(Message.of("device/pump/commands", bytes("stop"), QoS.AT_LEAST_ONCE, false), null);
            RpcCall call = devices.platform.rpc().call(pump.id(), new RpcRequest("open", "{}", 10_000, true)).value();
            channel.settle();
            MqttPublishMessage command = channel.read(MqttPublishMessage.class);
            MqttPublishMessage rpc = channel.read(MqttPublishMessage.class);
            assertThat(command.variableHeader().topicName()).isEqualTo("device/pump/commands");
            assertThat(rpc.variableHeader().topicName()).isEqualTo("v1/devices/me/rpc/request/" + call.id());
            // [MQTT-2.2.1-4] two unacknowledged messages never share a packet id.
            assertThat(rpc.variableHeader().packetId()).isNotEqualTo(command.variableHeader().packetId());
            assertThat(call.status()).isEqualTo(RpcStatus.SENT);

            channel.send(reply(MqttMessageType.PUBACK, rpc.variableHeader().packetId()));
            // device-api.md §9: the PUBACK delivers the call, which ends a one-way call.
            assertThat(call.status()).isEqualTo(RpcStatus.SUCCESSFUL);
            command.release();
            rpc.release();
        }
    }

    @Test
    void theSenderOfAMessageHearsWhetherItWasDelivered() {
        try (DevicePlatformFixture devices = new DevicePlatformFixture();
                ProtocolHarness channel = devices.channel()) {
            Device pump = devices.device("pump");
            connect(channel, MqttVersion.MQTT_5, "pump", devices.token(pump));
            List<String> heard = new ArrayList<>();
            devices.session(pump).downlink().send(new Outbound("v2/fw/error", bytes("NOT_FOUND"), QoS.AT_MOST_ONCE,
                    listener("qos 0", heard)));
            devices.session(pump).downlink().send(new Outbound("v1/devices/me/attributes", bytes("{}"),
                    QoS.AT_LEAST_ONCE, listener("qos 1", heard)));
            channel.read(MqttPublishMessage.class).release();
            MqttPublishMessage qos1 = channel.read(MqttPublishMessage.class);
            assertThat(qos1.fixedHeader().qosLevel()).isEqualTo(MqttQoS.AT_LEAST_ONCE);
            qos1.release();
            assertThat(heard).as("QoS 0 once written, QoS 1 on the PUBACK").containsExactly("qos 0 delivered");

            channel.drop();
            assertThat(heard).containsExactly("qos 0 delivered", "qos 1 failed");
        }
    }

    @Test
    void readingStopsWhileThePlatformIsBehindAndResumesAsItCatchesUp() {
        PlatformConfig fourInFlight = new PlatformConfig(65_536, 4, PlatformConfig.RateLimits.DEFAULTS, 1, 60_000,
                10_000, 10_000, 5_000, 600_000, 600_000, 5_000, 60_000, 60_000, PlatformConfig.DEFAULTS.kv());
        try (DevicePlatformFixture devices = new DevicePlatformFixture(fourInFlight);
                ProtocolHarness channel = devices.channel()) {
            connect(channel, MqttVersion.MQTT_5, "pump", devices.token(devices.device("pump")));
            devices.hold();
            for (int id = 1; id <= 4; id++) {
                channel.send(publish("v1/devices/me/attributes", 1, id, "{\"n\":" + id + "}"));
            }
            assertThat(channel.isReading()).as("four publishes await the store").isFalse();

            devices.release();
            for (int id = 1; id <= 4; id++) {
                assertReply(channel.read(), MqttMessageType.PUBACK, id, 0);
            }
            assertThat(channel.isReading()).isTrue();
        }
    }

    @Test
    void aPayloadAboveTheDeviceLimitEndsTheConnectionWithPacketTooLarge() {
        PlatformConfig small = new PlatformConfig(16, 100, PlatformConfig.RateLimits.DEFAULTS, 1, 60_000, 10_000,
                10_000, 5_000, 600_000, 600_000, 5_000, 60_000, 60_000, PlatformConfig.DEFAULTS.kv());
        try (DevicePlatformFixture devices = new DevicePlatformFixture(small);
                ProtocolHarness channel = devices.channel()) {
            connect(channel, MqttVersion.MQTT_5, "pump", devices.token(devices.device("pump")));
            channel.send(publish("v1/devices/me/attributes", 1, 1, "{\"a\":\"0123456789\"}"));
            // device-api.md §0.
            assertThat(disconnectReason(channel.read())).isEqualTo(0x95);
        }
    }

    @Test
    void aPingIsActivityOfTheDevice() {
        try (DevicePlatformFixture devices = new DevicePlatformFixture();
                ProtocolHarness channel = devices.channel()) {
            Device pump = devices.device("pump");
            connect(channel, MqttVersion.MQTT_5, "pump", devices.token(pump));
            long later = devices.now.addAndGet(90_000);
            channel.send(MqttMessage.PINGREQ);
            assertThat(channel.read().fixedHeader().messageType()).isEqualTo(MqttMessageType.PINGRESP);
            // device-api.md §2.3.
            assertThat(devices.session(pump).lastTrafficMillis()).isEqualTo(later);
        }
    }

    @Test
    void provisioningAnswersASubscribeAndPublishSentTogether() {
        try (DevicePlatformFixture devices = new DevicePlatformFixture();
                ProtocolHarness channel = devices.channel()) {
            devices.platform.registry().createProfile(new NewProfile("default", "sensors", PayloadType.JSON,
                    ProvisionStrategy.ALLOW_CREATE_NEW_DEVICES, "key-1", "secret-1")).value();
            connect(channel, MqttVersion.MQTT_3_1_1, "any", "provision");
            // device-api.md §18 item 8: the SDK does not wait for the SUBACK.
            channel.sendTogether(subscribe(1, "/provision/response", qos(0)), publish("/provision/request", 0, 0,
                    "{\"deviceName\":\"sensor-17\",\"provisionDeviceKey\":\"key-1\",\"provisionDeviceSecret\":\"secret-1\"}"));

            assertThat(channel.read(MqttSubAckMessage.class).payload().reasonCodes()).containsExactly(0);
            MqttPublishMessage answer = channel.read(MqttPublishMessage.class);
            assertThat(answer.variableHeader().topicName()).isEqualTo("/provision/response");
            assertThat(answer.payload().toString(StandardCharsets.UTF_8)).contains("\"status\":\"SUCCESS\"")
                    .contains("\"credentialsType\":\"ACCESS_TOKEN\"");
            answer.release();
            assertThat(devices.platform.registry().deviceByName("default", "sensor-17")).isPresent();
        }
    }

    private static DeliveryListener listener(String name, List<String> heard) {
        return new DeliveryListener() {
            @Override
            public void delivered() {
                heard.add(name + " delivered");
            }

            @Override
            public void failed() {
                heard.add(name + " failed");
            }
        };
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
