package io.petrel.platform.api;

import static io.petrel.platform.testing.PlatformFixture.publish;
import static org.assertj.core.api.Assertions.assertThat;

import io.petrel.api.QoS;
import io.petrel.api.store.platform.Device;
import io.petrel.platform.rpc.RpcCall;
import io.petrel.platform.rpc.RpcRequest;
import io.petrel.platform.rpc.RpcResult;
import io.petrel.platform.rpc.RpcStatus;
import io.petrel.platform.testing.PlatformFixture;
import io.petrel.platform.testing.RecordingDownlink;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Server-side RPC, device-api.md §9. */
class ServerRpcTest {
    private final PlatformFixture fixture = new PlatformFixture();
    private final Device device = fixture.device("gpio");
    private final RecordingDownlink downlink = new RecordingDownlink();
    private final PlatformSession session = fixture.session(device, 5, downlink);

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private RpcCall call(String method, String params, long timeout, boolean oneWay) {
        return fixture.platform.rpc().call(device.id(), new RpcRequest(method, params, timeout, oneWay)).value();
    }

    private void subscribe(String filter, int qos) {
        assertThat(session.onSubscribe(List.of(new Subscription(filter, qos))).then()).isEmpty();
    }

    @Test
    void aCallGoesToTheSubscribedSessionWithParamsUnchangedAndIdsCountFromZeroPerDevice() {
        subscribe("v1/devices/me/rpc/request/+", 1);
        call("setGpio", "{\"pin\": 4, \"value\": 1}", 0, false);
        call("reboot", "null", 0, true);
        call("echo", "\"text\"", 0, true);
        assertThat(downlink.lines()).containsExactly(
                "v1/devices/me/rpc/request/0 {\"method\":\"setGpio\",\"params\":{\"pin\": 4, \"value\": 1}}",
                "v1/devices/me/rpc/request/1 {\"method\":\"reboot\",\"params\":null}",
                "v1/devices/me/rpc/request/2 {\"method\":\"echo\",\"params\":\"text\"}");
        assertThat(downlink.sent()).extracting(Outbound::qos).containsOnly(QoS.AT_LEAST_ONCE);
    }

    @Test
    void theCounterIsPerDeviceNotPerSession() {
        subscribe("v1/devices/me/rpc/request/+", 1);
        call("a", "{}", 0, true);
        session.onClose();
        RecordingDownlink next = new RecordingDownlink();
        fixture.session(device, 5, next).onSubscribe(List.of(new Subscription("v1/devices/me/rpc/request/+", 1)));
        call("b", "{}", 0, true);
        assertThat(next.sent()).extracting(Outbound::topic).containsExactly("v1/devices/me/rpc/request/1");
    }

    @Test
    void aTwoWayCallEndsWithTheDevicesAnswer() {
        subscribe("v1/devices/me/rpc/request/+", 1);
        RpcCall call = call("getTemp", "{}", 0, false);
        assertThat(call.status()).isEqualTo(RpcStatus.SENT);
        downlink.ackAll();
        assertThat(call.status()).isEqualTo(RpcStatus.DELIVERED);
        assertThat(call.result().toCompletableFuture()).isNotDone();
        assertThat(publish(session, "v1/devices/me/rpc/response/0", "{\"temp\": 21}", 1).puback())
                .isEqualTo(ReasonCode.SUCCESS);
        assertThat(PlatformFixture.join(call.result())).isEqualTo(new RpcResult(RpcStatus.SUCCESSFUL, "{\"temp\": 21}"));
    }

    @Test
    void aOneWayCallEndsOnceDelivered() {
        subscribe("v1/devices/me/rpc/request/+", 1);
        RpcCall call = call("reboot", "{}", 0, true);
        assertThat(call.result().toCompletableFuture()).isNotDone();
        downlink.ackAll();
        assertThat(PlatformFixture.join(call.result())).isEqualTo(new RpcResult(RpcStatus.SUCCESSFUL, null));
    }

    @Test
    void anUnacknowledgedQos1RequestTimesOutAfterTheTransportTimeout() {
        subscribe("v1/devices/me/rpc/request/+", 1);
        RpcCall call = call("reboot", "{}", 60_000, true);
        fixture.time.advance(9_999);
        assertThat(call.status()).isEqualTo(RpcStatus.SENT);
        fixture.time.advance(1);
        assertThat(PlatformFixture.join(call.result())).isEqualTo(new RpcResult(RpcStatus.TIMEOUT, null));
    }

    @Test
    void aTwoWayCallWithoutAnswerTimesOutAtItsTimeoutRaisedToTheMinimum() {
        subscribe("v1/devices/me/rpc/request/+", 1);
        RpcCall call = call("getTemp", "{}", 1_000, false);
        downlink.ackAll();
        fixture.time.advance(4_999);
        assertThat(call.result().toCompletableFuture()).isNotDone();
        fixture.time.advance(1);
        assertThat(PlatformFixture.join(call.result())).isEqualTo(new RpcResult(RpcStatus.TIMEOUT, null));
        // A late answer is acknowledged and dropped.
        assertThat(publish(session, "v1/devices/me/rpc/response/0", "{}", 1).puback()).isEqualTo(ReasonCode.SUCCESS);
    }

    @Test
    void withoutASubscriptionTheCallWaitsAndIsFlushedOnSubscribe() {
        RpcCall first = call("a", "{}", 30_000, false);
        RpcCall second = call("b", "{}", 30_000, false);
        assertThat(downlink.sent()).isEmpty();
        assertThat(first.status()).isEqualTo(RpcStatus.QUEUED);
        SubscribeDecision decision = session.onSubscribe(List.of(new Subscription("v2/r/req/+", 0)));
        assertThat(decision.then()).extracting(RecordingDownlink::line).containsExactly(
                "v2/r/req/0 {\"method\":\"a\",\"params\":{}}", "v2/r/req/1 {\"method\":\"b\",\"params\":{}}");
        assertThat(decision.then()).extracting(Outbound::qos).containsOnly(QoS.AT_MOST_ONCE);
        assertThat(second.status()).isEqualTo(RpcStatus.SENT);
        decision.then().forEach(message -> message.listener().delivered());
        assertThat(first.status()).isEqualTo(RpcStatus.DELIVERED);
        assertThat(publish(session, "v2/r/res/1", "\"done\"", 1).puback()).isEqualTo(ReasonCode.SUCCESS);
        assertThat(PlatformFixture.join(second.result())).isEqualTo(new RpcResult(RpcStatus.SUCCESSFUL, "\"done\""));
    }

    @Test
    void aQueuedCallExpiresIfNoSessionSubscribesInTime() {
        RpcCall call = call("a", "{}", 10_000, false);
        fixture.time.advance(10_000);
        assertThat(PlatformFixture.join(call.result())).isEqualTo(new RpcResult(RpcStatus.EXPIRED, null));
        assertThat(session.onSubscribe(List.of(new Subscription("v1/devices/me/rpc/request/+", 1))).then()).isEmpty();
    }

    @Test
    void callsGoToEverySubscribedSessionOnTheirOwnTopicFamily() {
        fixture.close();
        PlatformFixture two = new PlatformFixture(io.petrel.platform.PlatformConfig.DEFAULTS.withMaxSessionsPerDevice(3),
                io.petrel.platform.rpc.ClientRpcService.unsupported());
        try {
            Device d = two.device("d");
            RecordingDownlink v1 = new RecordingDownlink();
            RecordingDownlink v2j = new RecordingDownlink();
            RecordingDownlink none = new RecordingDownlink();
            two.session(d, 5, v1).onSubscribe(List.of(new Subscription("v1/devices/me/rpc/request/+", 1)));
            two.session(d, 5, v2j).onSubscribe(List.of(new Subscription("v2/r/req/j/+", 1)));
            two.session(d, 5, none);
            two.platform.rpc().call(d.id(), new RpcRequest("m", "1", 0, true)).value();
            assertThat(v1.sent()).extracting(Outbound::topic).containsExactly("v1/devices/me/rpc/request/0");
            assertThat(v2j.sent()).extracting(Outbound::topic).containsExactly("v2/r/req/j/0");
            assertThat(none.sent()).isEmpty();
        } finally {
            two.close();
        }
    }

    @Test
    void paramsMustBeJson() {
        assertThat(fixture.platform.rpc().call(device.id(), new RpcRequest("m", "{oops", 0, true)).isOk()).isFalse();
    }
}
