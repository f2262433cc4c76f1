package io.petrel.platform.api;

import static io.petrel.platform.testing.PlatformFixture.publish;
import static org.assertj.core.api.Assertions.assertThat;

import io.petrel.api.QoS;
import io.petrel.api.auth.ConnectAttempt;
import io.petrel.api.store.platform.AttributeScope;
import io.petrel.api.store.platform.Device;
import io.petrel.api.store.platform.KvValue;
import io.petrel.api.store.platform.TsEntry;
import io.petrel.platform.auth.DeviceLogin;
import io.petrel.platform.kv.KvEntry;
import io.petrel.platform.registry.CredentialsSpec;
import io.petrel.platform.rpc.RpcCall;
import io.petrel.platform.rpc.RpcRequest;
import io.petrel.platform.rpc.RpcResult;
import io.petrel.platform.rpc.RpcStatus;
import io.petrel.platform.testing.PlatformFixture;
import io.petrel.platform.testing.RecordingDownlink;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The official Python SDK's session as a script (device-api.md §18): MQTT 5, token as user name, QoS 1,
 * subscribe right after CONNACK, getSessionLimits, one data point per telemetry message, comma-joined attribute
 * requests, firmware keys pushed together, and server RPC answered on the request's id.
 */
class SdkSequenceTest {
    private final PlatformFixture fixture = new PlatformFixture();

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void aStockSdkDeviceSession() {
        Device device = fixture.device("sdk-device");
        fixture.platform.registry().setCredentials(device.id(), new CredentialsSpec.AccessToken("A1_TEST_TOKEN")).value();

        // 1. CONNECT with MQTT 5, user name = token, no password.
        DeviceLogin login = PlatformFixture.join(fixture.platform.authenticator().login(new ConnectAttempt(
                "tb-client-1", "A1_TEST_TOKEN", null, InetSocketAddress.createUnresolved("127.0.0.1", 50000), "tcp", 5)));
        assertThat(login).isInstanceOf(DeviceLogin.Accepted.class);
        RecordingDownlink downlink = new RecordingDownlink();
        OpenDecision.Open open = (OpenDecision.Open) PlatformFixture.join(
                fixture.platform.open(((DeviceLogin.Accepted) login).principal(), 5, downlink));
        PlatformSession session = open.session();

        // 2. Right after CONNACK: four subscriptions at QoS 1, all granted QoS 1.
        SubscribeDecision suback = session.onSubscribe(List.of(
                new Subscription("v1/devices/me/attributes", 1),
                new Subscription("v1/devices/me/attributes/response/+", 1),
                new Subscription("v1/devices/me/rpc/request/+", 1),
                new Subscription("v1/devices/me/rpc/response/+", 1)));
        assertThat(suback.codes()).containsExactly(1, 1, 1, 1);

        // 3. getSessionLimits, id 1, answered at once on the response topic at the subscription's QoS.
        PublishDecision limits = publish(session, "v1/devices/me/rpc/request/1",
                "{\"method\": \"getSessionLimits\", \"params\": {\"timeout\": 5000}}", 1);
        assertThat(limits.puback()).isEqualTo(ReasonCode.SUCCESS);
        assertThat(limits.then()).singleElement().satisfies(answer -> {
            assertThat(answer.topic()).isEqualTo("v1/devices/me/rpc/response/1");
            assertThat(answer.qos()).isEqualTo(QoS.AT_LEAST_ONCE);
            assertThat(new String(answer.payload(), StandardCharsets.UTF_8)).startsWith("{\"maxPayloadSize\":65536,");
        });

        // 4. Telemetry: a plain dict wrapped in a list, one data point per message.
        assertThat(publish(session, "v1/devices/me/telemetry", "[{\"temperature\": 21.5}]", 1).puback())
                .isEqualTo(ReasonCode.SUCCESS);
        assertThat(publish(session, "v1/devices/me/telemetry", "[{\"humidity\": 40}]", 1).puback())
                .isEqualTo(ReasonCode.SUCCESS);
        assertThat(fixture.stores.telemetry().latest(device.id())).extracting(TsEntry::key, TsEntry::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("humidity", KvValue.of(40L)),
                        org.assertj.core.groups.Tuple.tuple("temperature", KvValue.of(21.5)));

        // Client attributes, then a request with comma-joined keys and id counting from 1.
        publish(session, "v1/devices/me/attributes", "{\"model\": \"X1\"}", 1);
        PublishDecision attributes = publish(session, "v1/devices/me/attributes/request/1",
                "{\"clientKeys\": \"model\", \"sharedKeys\": \"fw_title,fw_version\"}", 1);
        assertThat(attributes.then()).extracting(RecordingDownlink::line)
                .containsExactly("v1/devices/me/attributes/response/1 {\"client\":{\"model\":\"X1\"}}");

        // 6. A firmware assignment's keys arrive in one push, or the SDK's OTA logic breaks.
        PlatformFixture.join(fixture.platform.attributes().save(device.id(), AttributeScope.SHARED, List.of(
                new KvEntry("fw_title", KvValue.of("fw")), new KvEntry("fw_version", KvValue.of("1.1")),
                new KvEntry("fw_size", KvValue.of(4096L)), new KvEntry("fw_checksum", KvValue.of("ab12")),
                new KvEntry("fw_checksum_algorithm", KvValue.of("SHA256")))));
        assertThat(downlink.lines()).containsExactly("v1/devices/me/attributes {\"fw_title\":\"fw\",\"fw_version\":\"1.1\","
                + "\"fw_size\":4096,\"fw_checksum\":\"ab12\",\"fw_checksum_algorithm\":\"SHA256\"}");
        downlink.clear();

        // 9. A server RPC, acknowledged, answered on the id of its request topic.
        RpcCall call = fixture.platform.rpc().call(device.id(),
                new RpcRequest("setGpio", "{\"pin\": 4, \"value\": 1}", 0, false)).value();
        assertThat(downlink.lines()).containsExactly(
                "v1/devices/me/rpc/request/0 {\"method\":\"setGpio\",\"params\":{\"pin\": 4, \"value\": 1}}");
        downlink.ackAll();
        assertThat(publish(session, "v1/devices/me/rpc/response/0", "{\"pin\": 4, \"value\": 1}", 1).puback())
                .isEqualTo(ReasonCode.SUCCESS);
        assertThat(PlatformFixture.join(call.result()))
                .isEqualTo(new RpcResult(RpcStatus.SUCCESSFUL, "{\"pin\": 4, \"value\": 1}"));

        // 10. Nothing the device published came back to it.
        assertThat(downlink.sent()).hasSize(1);

        // 7. The firmware subscription the SDK makes is granted; chunk requests are answered without it.
        assertThat(session.onSubscribe(List.of(new Subscription("v2/fw/response/+", 1))).codes()).containsExactly(1);
        session.onClose();
    }

    @Test
    void theProvisioningHelpersSubscribeAndPublishInOneGo() {
        io.petrel.platform.registry.NewProfile profile = new io.petrel.platform.registry.NewProfile("acme", "auto",
                io.petrel.api.store.platform.PayloadType.JSON,
                io.petrel.api.store.platform.ProvisionStrategy.ALLOW_CREATE_NEW_DEVICES, "key-1", "secret-1");
        fixture.platform.registry().createProfile(profile).value();
        // 8. MQTT 3.1.1, user name "provision", SUBSCRIBE then PUBLISH at QoS 0 without waiting for the SUBACK.
        DeviceLogin login = PlatformFixture.join(fixture.platform.authenticator().login(new ConnectAttempt(
                "", "provision", null, InetSocketAddress.createUnresolved("127.0.0.1", 50001), "tcp", 4)));
        RecordingDownlink downlink = new RecordingDownlink();
        PlatformSession session = ((OpenDecision.Open) PlatformFixture.join(
                fixture.platform.open(((DeviceLogin.Accepted) login).principal(), 4, downlink))).session();
        assertThat(session.onSubscribe(List.of(new Subscription("/provision/response", 0))).codes()).containsExactly(0);
        PublishDecision decision = publish(session, "/provision/request",
                "{\"deviceName\": \"sensor-17\", \"provisionDeviceKey\": \"key-1\", "
                        + "\"provisionDeviceSecret\": \"secret-1\", \"token\": \"my-own-token\"}", 0);
        assertThat(decision.puback()).isNull();
        assertThat(decision.then()).extracting(RecordingDownlink::line).containsExactly("/provision/response "
                + "{\"credentialsType\":\"ACCESS_TOKEN\",\"credentialsValue\":\"my-own-token\",\"status\":\"SUCCESS\"}");
        assertThat(decision.then().get(0).qos()).isEqualTo(QoS.AT_MOST_ONCE);
    }
}
