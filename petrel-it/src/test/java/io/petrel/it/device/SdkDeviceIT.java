package io.petrel.it.device;

import static io.petrel.it.device.DeviceServer.bytes;
import static io.petrel.it.device.DeviceServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAck;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import io.petrel.api.store.platform.AttributeScope;
import io.petrel.api.store.platform.Device;
import io.petrel.api.store.platform.KvValue;
import io.petrel.api.store.platform.TsEntry;
import io.petrel.platform.kv.KvEntry;
import io.petrel.platform.rpc.RpcCall;
import io.petrel.platform.rpc.RpcRequest;
import io.petrel.platform.rpc.RpcResult;
import io.petrel.platform.rpc.RpcStatus;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * A device driven as the official ThingsBoard SDK drives it (device-api.md §18), by the HiveMQ client: MQTT 5,
 * the access token as user name, QoS 1, the four subscriptions right after CONNACK, then {@code
 * getSessionLimits}; then every part of the device API over the wire.
 */
class SdkDeviceIT {
    private static final List<String> SDK_TOPICS = List.of("v1/devices/me/attributes",
            "v1/devices/me/attributes/response/+", "v1/devices/me/rpc/request/+", "v1/devices/me/rpc/response/+");

    private static DeviceServer server;
    private Device device;
    private Mqtt5BlockingClient client;
    private Mqtt5BlockingClient.Mqtt5Publishes inbox;
    private Mqtt5ConnAck connAck;

    @BeforeAll
    static void start() {
        server = DeviceServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void connectAsTheSdk(TestInfo test) {
        device = server.device(test.getTestMethod().orElseThrow().getName());
        client = server.sdk("sdk-" + device.name(), server.token(device));
        connAck = client.connect();
        inbox = client.publishes(MqttGlobalPublishFilter.ALL);
        for (String topic : SDK_TOPICS) {
            Mqtt5SubAck subAck = client.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE).send();
            assertThat(subAck.getReasonCodes()).containsExactly(Mqtt5SubAckReasonCode.GRANTED_QOS_1);
        }
    }

    @AfterEach
    void disconnect() {
        inbox.close();
        if (client.getState().isConnected()) {
            client.disconnect();
        }
    }

    @Test
    void theSdkStartGetsItsSessionLimitsRightAfterConnAck() throws Exception {
        // device-api.md §0: never a session present, Maximum QoS 1 [MQTT-3.2.2-9].
        assertThat(connAck.isSessionPresent()).isFalse();
        assertThat(connAck.getRestrictions().getMaximumQos()).isEqualTo(MqttQos.AT_LEAST_ONCE);

        assertThat(publish("v1/devices/me/rpc/request/1", "{\"method\":\"getSessionLimits\",\"params\":{\"timeout\":5000}}"))
                .isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
        Mqtt5Publish answer = next();
        assertThat(answer.getTopic().toString()).isEqualTo("v1/devices/me/rpc/response/1");
        assertThat(answer.getQos()).isEqualTo(MqttQos.AT_LEAST_ONCE);
        JsonNode limits = json(answer.getPayloadAsBytes());
        assertThat(limits.get("maxPayloadSize").asInt()).isEqualTo(65_536);
        assertThat(limits.get("maxInflightMessages").asInt()).isEqualTo(100);
        assertThat(limits.at("/rateLimits/telemetryDataPoints").asText()).isEqualTo("200:1,6000:60");
    }

    @Test
    void telemetryInEveryShapeIsStoredWithItsTimestamps() throws Exception {
        assertThat(publish("v1/devices/me/telemetry", "{\"temp\":21.5,\"door\":\"open\"}"))
                .isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
        assertThat(publish("v1/devices/me/telemetry", "{\"ts\":1717000000000,\"values\":{\"hum\":40}}"))
                .isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
        assertThat(publish("v1/devices/me/telemetry", "[{\"rpm\":900},{\"ts\":1717000001000,\"values\":{\"load\":0.5}}]"))
                .isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
        assertThat(publish("v2/t", "{\"volts\":\"230\"}")).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
        // The SDK sends one key per message when it has no limits: many small messages.
        for (int i = 0; i < 20; i++) {
            assertThat(publish("v1/devices/me/telemetry", "[{\"count\":" + i + "}]"))
                    .isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
        }

        Map<String, TsEntry> latest = server.latest(device.id()).stream()
                .collect(Collectors.toMap(TsEntry::key, entry -> entry));
        assertThat(latest.get("temp").value()).isEqualTo(KvValue.of(21.5));
        assertThat(latest.get("door").value()).isEqualTo(KvValue.of("open"));
        assertThat(latest.get("hum").ts()).isEqualTo(1_717_000_000_000L);
        assertThat(latest.get("hum").value()).isEqualTo(KvValue.of(40));
        assertThat(latest.get("load").ts()).isEqualTo(1_717_000_001_000L);
        assertThat(latest.get("volts").value()).as("a numeric string is cast").isEqualTo(KvValue.of(230));
        assertThat(latest.get("count").value()).isEqualTo(KvValue.of(19));
    }

    @Test
    void badTelemetryGetsItsReasonCodeAndTheSessionGoesOn() throws Exception {
        assertThat(publish("v1/devices/me/telemetry", "not json")).isEqualTo(Mqtt5PubAckReasonCode.PAYLOAD_FORMAT_INVALID);
        assertThat(publish("v1/devices/me/telemetry", "[1, 2]")).isEqualTo(Mqtt5PubAckReasonCode.PAYLOAD_FORMAT_INVALID);
        assertThat(publish("v1/devices/me/nothing", "{}")).isEqualTo(Mqtt5PubAckReasonCode.TOPIC_NAME_INVALID);
        assertThat(publish("v1/devices/me/telemetry", "{\"after\":1}")).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
        assertThat(client.getState().isConnected()).isTrue();
    }

    @Test
    void clientAttributesAreStoredAndReadBackWithSharedOnes() throws Exception {
        server.platform.attributes().save(device.id(), AttributeScope.SHARED,
                List.of(new KvEntry("targetTemp", KvValue.of(22)))).toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(next().getTopic().toString()).as("the shared change was pushed").isEqualTo("v1/devices/me/attributes");
        assertThat(publish("v1/devices/me/attributes", "{\"model\":\"X1\",\"fwVersion\":\"1.2\"}"))
                .isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);

        assertThat(publish("v1/devices/me/attributes/request/1", "{\"clientKeys\":\"model,fwVersion\",\"sharedKeys\":\"targetTemp\"}"))
                .isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
        Mqtt5Publish response = next();
        assertThat(response.getTopic().toString()).isEqualTo("v1/devices/me/attributes/response/1");
        JsonNode body = json(response.getPayloadAsBytes());
        assertThat(body.at("/client/model").asText()).isEqualTo("X1");
        assertThat(body.at("/client/fwVersion").asText()).isEqualTo("1.2");
        assertThat(body.at("/shared/targetTemp").asInt()).isEqualTo(22);
    }

    @Test
    void sharedAttributeChangesArePushedAsOneMessagePerSave() throws Exception {
        server.platform.attributes().save(device.id(), AttributeScope.SHARED, List.of(
                new KvEntry("fw_title", KvValue.of("pump")), new KvEntry("fw_version", KvValue.of("2.0")),
                new KvEntry("fw_size", KvValue.of(1024))));
        Mqtt5Publish push = next();
        assertThat(push.getTopic().toString()).isEqualTo("v1/devices/me/attributes");
        assertThat(push.getQos()).as("the granted QoS of the subscription").isEqualTo(MqttQos.AT_LEAST_ONCE);
        assertThat(push.isRetain()).isFalse();
        JsonNode body = json(push.getPayloadAsBytes());
        assertThat(body.get("fw_title").asText()).isEqualTo("pump");
        assertThat(body.get("fw_version").asText()).isEqualTo("2.0");
        assertThat(body.get("fw_size").asInt()).isEqualTo(1024);

        server.platform.attributes().delete(device.id(), AttributeScope.SHARED, List.of("fw_size"));
        assertThat(json(next().getPayloadAsBytes()).get("deleted").get(0).asText()).isEqualTo("fw_size");
    }

    @Test
    void aServerRpcIsDeliveredOnThePubAckAndAnsweredByTheDevice() throws Exception {
        RpcCall oneWay = server.platform.rpc().call(device.id(),
                new RpcRequest("setGpio", "{\"pin\":4,\"value\":1}", 0, true)).value();
        Mqtt5Publish request = next();
        assertThat(request.getTopic().toString()).isEqualTo("v1/devices/me/rpc/request/" + oneWay.id());
        assertThat(json(request.getPayloadAsBytes()).get("method").asText()).isEqualTo("setGpio");
        // The HiveMQ client acknowledges as it hands the message over: the PUBACK makes the call DELIVERED,
        // which ends a one-way call.
        RpcResult delivered = oneWay.result().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(delivered.status()).isEqualTo(RpcStatus.SUCCESSFUL);

        RpcCall twoWay = server.platform.rpc().call(device.id(),
                new RpcRequest("getTime", "null", 0, false)).value();
        Mqtt5Publish call = next();
        String id = call.getTopic().toString().substring("v1/devices/me/rpc/request/".length());
        assertThat(Integer.parseInt(id)).isEqualTo(twoWay.id());
        assertThat(publish("v1/devices/me/rpc/response/" + id, "{\"time\":1717000000000}"))
                .isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
        RpcResult answered = twoWay.result().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(answered.status()).isEqualTo(RpcStatus.SUCCESSFUL);
        assertThat(json(bytes(answered.response())).get("time").asLong()).isEqualTo(1_717_000_000_000L);
    }

    @Test
    void aServerRpcTheDeviceNeverAnswersTimesOut() throws Exception {
        RpcCall call = server.platform.rpc().call(device.id(), new RpcRequest("reboot", "{}", 300, false)).value();
        assertThat(next().getTopic().toString()).isEqualTo("v1/devices/me/rpc/request/" + call.id());
        RpcResult result = call.result().toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertThat(result.status()).isEqualTo(RpcStatus.TIMEOUT);
        // A late answer is acknowledged and dropped.
        assertThat(publish("v1/devices/me/rpc/response/" + call.id(), "{}")).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
    }

    @Test
    void aClientRpcNoHandlerKnowsIsAnsweredWithAnError() throws Exception {
        assertThat(publish("v1/devices/me/rpc/request/7", "{\"method\":\"getTime\",\"params\":{}}"))
                .isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
        Mqtt5Publish answer = next();
        assertThat(answer.getTopic().toString()).isEqualTo("v1/devices/me/rpc/response/7");
        assertThat(json(answer.getPayloadAsBytes()).get("error").asText()).contains("getTime");
    }

    @Test
    void aClaimRequestOpensTheClaimingWindow() throws Exception {
        assertThat(publish("v1/devices/me/claim", "{\"secretKey\":\"abc\",\"durationMs\":60000}"))
                .isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
        assertThat(server.platform.claims().openClaim(device.id())).hasValueSatisfying(
                claim -> assertThat(claim.secretKey()).isEqualTo("abc"));
        assertThat(publish("v1/devices/me/claim", "[]")).isEqualTo(Mqtt5PubAckReasonCode.PAYLOAD_FORMAT_INVALID);
    }

    private Mqtt5PubAckReasonCode publish(String topic, String payload) {
        try {
            Mqtt5PublishResult result = client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE)
                    .payload(bytes(payload)).send();
            return ((Mqtt5PublishResult.Mqtt5Qos1Result) result).getPubAck().getReasonCode();
        } catch (Mqtt5PubAckException e) {
            return e.getMqttMessage().getReasonCode();
        }
    }

    private Mqtt5Publish next() throws InterruptedException {
        return inbox.receive(10, TimeUnit.SECONDS).orElseThrow(() -> new AssertionError("nothing arrived"));
    }
}
