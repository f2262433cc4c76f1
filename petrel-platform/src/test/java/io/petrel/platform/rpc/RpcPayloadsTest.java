package io.petrel.platform.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.petrel.platform.PlatformConfig;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Client RPC payloads (device-api.md §10) and the getSessionLimits answer (§10.1). */
class RpcPayloadsTest {

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void getSessionLimitsAnswersWithTheConfiguredLimits() {
        assertThat(text(SessionLimits.body(PlatformConfig.DEFAULTS, false))).isEqualTo(
                "{\"maxPayloadSize\":65536,\"maxInflightMessages\":100,"
                        + "\"rateLimits\":{\"messages\":\"200:1,6000:60\",\"telemetryMessages\":\"100:1,3000:60\","
                        + "\"telemetryDataPoints\":\"200:1,6000:60\"}}");
    }

    @Test
    void gatewaysAlsoGetGatewayRateLimitsWithTheSameValues() {
        assertThat(text(SessionLimits.body(PlatformConfig.DEFAULTS, true))).endsWith(
                ",\"gatewayRateLimits\":{\"messages\":\"200:1,6000:60\",\"telemetryMessages\":\"100:1,3000:60\","
                        + "\"telemetryDataPoints\":\"200:1,6000:60\"}}");
    }

    @Test
    void noLimitIsNull() {
        PlatformConfig unlimited = new PlatformConfig(65_536, 100, new PlatformConfig.RateLimits(null, "", null), 1,
                60_000, 10_000, 10_000, 5_000, 600_000, 600_000, 5_000, 60_000, 60_000,
                PlatformConfig.DEFAULTS.kv());
        assertThat(text(SessionLimits.body(unlimited, false)))
                .contains("\"rateLimits\":{\"messages\":null,\"telemetryMessages\":\"\",\"telemetryDataPoints\":null}");
    }

    @Test
    void aClientRpcNeedsAStringMethodAndParamsDefaultToNull() {
        assertThat(ClientRpcRequest.parse("{\"method\": \"getTime\", \"params\": {}}".getBytes(StandardCharsets.UTF_8))
                .value()).isEqualTo(new ClientRpcRequest("getTime", "{}"));
        assertThat(ClientRpcRequest.parse("{\"method\": \"getTime\"}".getBytes(StandardCharsets.UTF_8)).value())
                .isEqualTo(new ClientRpcRequest("getTime", "null"));
        assertThat(ClientRpcRequest.parse("{\"params\": 1}".getBytes(StandardCharsets.UTF_8)).problem().message())
                .contains("'method'");
        assertThat(ClientRpcRequest.parse("{\"method\": 5}".getBytes(StandardCharsets.UTF_8)).isOk()).isFalse();
        assertThat(ClientRpcRequest.parse("[\"getTime\"]".getBytes(StandardCharsets.UTF_8)).isOk()).isFalse();
    }
}
