package io.petrel.platform.api;

import static io.petrel.platform.testing.PlatformFixture.publish;
import static org.assertj.core.api.Assertions.assertThat;

import io.petrel.api.store.platform.Device;
import io.petrel.platform.PlatformConfig;
import io.petrel.platform.testing.PlatformFixture;
import io.petrel.platform.testing.RecordingDownlink;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Client-side RPC, device-api.md §10 and §10.1. */
class ClientRpcTest {
    private final CompletableFuture<String> handlerAnswer = new CompletableFuture<>();
    private final StringBuilder handled = new StringBuilder();
    private final PlatformFixture fixture = new PlatformFixture(PlatformConfig.DEFAULTS, (device, method, params) -> {
        handled.append(device.name()).append(' ').append(method).append(' ').append(params);
        return handlerAnswer;
    });
    private final Device device = fixture.device("d");
    private final RecordingDownlink downlink = new RecordingDownlink();
    private final PlatformSession session = fixture.session(device, 5, downlink);

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void getSessionLimitsIsAnsweredRightAfterThePuback() {
        PublishDecision decision = publish(session, "v1/devices/me/rpc/request/1",
                "{\"method\": \"getSessionLimits\", \"params\": {\"timeout\": 5000}}", 1);
        assertThat(decision.puback()).isEqualTo(ReasonCode.SUCCESS);
        assertThat(decision.then()).extracting(RecordingDownlink::line).containsExactly(
                "v1/devices/me/rpc/response/1 {\"maxPayloadSize\":65536,\"maxInflightMessages\":100,"
                        + "\"rateLimits\":{\"messages\":\"200:1,6000:60\",\"telemetryMessages\":\"100:1,3000:60\","
                        + "\"telemetryDataPoints\":\"200:1,6000:60\"}}");
        assertThat(handled).isEmpty();
    }

    @Test
    void otherMethodsGoToTheHandlerAndItsAnswerFollows() {
        PublishDecision decision = publish(session, "v1/devices/me/rpc/request/5",
                "{\"method\": \"getTime\", \"params\": {\"tz\": \"UTC\"}}", 1);
        assertThat(decision.puback()).isEqualTo(ReasonCode.SUCCESS);
        assertThat(decision.then()).isEmpty();
        assertThat(handled.toString()).isEqualTo("d getTime {\"tz\":\"UTC\"}");
        handlerAnswer.complete("{\"time\": 1717000000000}");
        assertThat(downlink.lines()).containsExactly("v1/devices/me/rpc/response/5 {\"time\": 1717000000000}");
    }

    @Test
    void noAnswerInTimeIsATimeoutError() {
        publish(session, "v2/r/req/j/3", "{\"method\": \"slow\"}", 1);
        fixture.time.advance(59_999);
        assertThat(downlink.sent()).isEmpty();
        fixture.time.advance(1);
        assertThat(downlink.lines()).containsExactly("v2/r/res/j/3 {\"error\":\"timeout\"}");
        handlerAnswer.complete("{}");
        assertThat(downlink.sent()).as("a late answer is not sent").hasSize(1);
    }

    @Test
    void aFailedHandlerIsAnErrorAnswer() {
        publish(session, "v1/devices/me/rpc/request/2", "{\"method\": \"x\"}", 1);
        handlerAnswer.completeExceptionally(new IllegalStateException("no such thing"));
        assertThat(downlink.lines()).containsExactly("v1/devices/me/rpc/response/2 {\"error\":\"no such thing\"}");
    }

    @Test
    void withoutAHandlerEveryMethodIsUnsupportedAtOnce() {
        PlatformFixture plain = new PlatformFixture();
        try {
            RecordingDownlink out = new RecordingDownlink();
            PlatformSession s = plain.session(plain.device("x"), 5, out);
            publish(s, "v1/devices/me/rpc/request/1", "{\"method\": \"getTime\"}", 1);
            assertThat(out.lines()).containsExactly(
                    "v1/devices/me/rpc/response/1 {\"error\":\"no handler for method 'getTime'\"}");
        } finally {
            plain.close();
        }
    }

    @Test
    void aMalformedRequestIsAPayloadError() {
        assertThat(publish(session, "v1/devices/me/rpc/request/1", "{\"params\": {}}", 1).puback())
                .isEqualTo(ReasonCode.PAYLOAD_FORMAT_INVALID);
        assertThat(publish(session, "v1/devices/me/rpc/request/1", "\"getTime\"", 1).puback())
                .isEqualTo(ReasonCode.PAYLOAD_FORMAT_INVALID);
    }

    @Test
    void gatewaysGetGatewayRateLimitsToo() {
        RecordingDownlink out = new RecordingDownlink();
        PlatformSession gateway = fixture.session(fixture.gateway("gw"), 5, out);
        assertThat(publish(gateway, "v1/devices/me/rpc/request/1", "{\"method\": \"getSessionLimits\"}", 1).then())
                .extracting(RecordingDownlink::line).singleElement().asString().contains("\"gatewayRateLimits\":{");
    }
}
