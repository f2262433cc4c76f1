package io.petrel.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.petrel.platform.PlatformConfig;
import io.petrel.server.ServerConfig;
import io.petrel.server.devices.DevicesConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code devices.*} keys and the device platform's settings they become. */
class DevicesConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void withoutConfigurationTheDevicePlatformRunsWithTheDefaultsOfTheDeviceApi() {
        DevicesConfig devices = ConfigLoader.load(null, Map.of(), Map.of()).devices();
        assertThat(devices.enabled()).isTrue();
        assertThat(devices.platform()).isEqualTo(PlatformConfig.DEFAULTS);
    }

    @Test
    void everyKeyReachesThePlatformFromTheFileAndTheEnvironment() throws IOException {
        Path file = Files.writeString(dir.resolve("petrel.yml"), """
                devices:
                  threads: 8
                  queue: 500
                  max-payload-size: 128KiB
                  max-inflight: 50
                  max-sessions-per-device: 2
                  rate-limits:
                    messages: "10:1, 300:60"
                    telemetry-messages: ""
                  client-rpc-timeout: 30s
                  rpc:
                    transport-timeout: 5s
                    default-timeout: 20s
                    min-timeout: 1s
                  inactivity-timeout: 5m
                  session-inactivity-timeout: 15m
                  activity-report-interval: 1s
                  activity-check-interval: 30s
                  provision-linger: 10s
                  json:
                    type-cast: false
                """);
        ServerConfig config = ConfigLoader.load(file, Map.of("PETREL_DEVICES_JSON_MAX_STRING_LENGTH", "1024"),
                Map.of());
        DevicesConfig devices = config.devices();
        PlatformConfig platform = devices.platform();
        assertThat(devices.threads()).isEqualTo(8);
        assertThat(devices.queue()).isEqualTo(500);
        assertThat(platform.maxPayloadSize()).isEqualTo(128 * 1024);
        assertThat(platform.maxInflightMessages()).isEqualTo(50);
        assertThat(platform.maxSessionsPerDevice()).isEqualTo(2);
        assertThat(platform.rateLimits().messages()).isEqualTo("10:1,300:60");
        assertThat(platform.rateLimits().telemetryMessages()).as("empty: no limit").isNull();
        assertThat(platform.rateLimits().telemetryDataPoints()).isEqualTo("200:1,6000:60");
        assertThat(platform.clientRpcTimeoutMillis()).isEqualTo(30_000);
        assertThat(platform.rpcTransportTimeoutMillis()).isEqualTo(5_000);
        assertThat(platform.rpcDefaultTimeoutMillis()).isEqualTo(20_000);
        assertThat(platform.rpcMinTimeoutMillis()).isEqualTo(1_000);
        assertThat(platform.inactivityTimeoutMillis()).isEqualTo(300_000);
        assertThat(platform.sessionInactivityTimeoutMillis()).isEqualTo(900_000);
        assertThat(platform.activityReportIntervalMillis()).isEqualTo(1_000);
        assertThat(platform.activityCheckIntervalMillis()).isEqualTo(30_000);
        assertThat(platform.provisionSessionLingerMillis()).isEqualTo(10_000);
        assertThat(platform.kv().typeCast()).isFalse();
        assertThat(platform.kv().maxStringLength()).isEqualTo(1024);
    }

    @Test
    void badValuesAreRefusedWithWhatIsAllowed() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("devices.rate-limits.messages", "fast")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("devices.rate-limits.messages")
                .hasMessageContaining("capacity:seconds");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("devices.max-sessions-per-device", "0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("from 1 to 1000");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("devices.rpc.default-timeout", "1s",
                "devices.rpc.min-timeout", "2s")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("devices.rpc.min-timeout");
    }

    @Test
    void thePlatformCanBeTurnedOff() {
        assertThat(ConfigLoader.load(null, Map.of("PETREL_DEVICES_ENABLED", "false"), Map.of()).devices().enabled())
                .isFalse();
    }
}
