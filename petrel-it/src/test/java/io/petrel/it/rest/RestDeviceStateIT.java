package io.petrel.it.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.petrel.api.store.platform.Device;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A device's connection and activity state as sessions come and go (device-api.md §2.3). */
class RestDeviceStateIT {
    @RegisterExtension
    static final RestServerExtension server = new RestServerExtension();

    @Test
    void theStateFollowsTheDevicesSessions() throws Exception {
        Device device = server.device("sensor");
        String path = "/api/v1/devices/" + device.id() + "/state";

        JsonNode never = server.admin().get(path).json();
        assertThat(never.get("connected").asBoolean()).isFalse();
        assertThat(never.get("sessions").asInt()).isZero();
        assertThat(never.has("active")).isFalse();
        assertThat(never.has("lastConnectTime")).isFalse();

        long before = System.currentTimeMillis();
        try (PlatformDevice session = PlatformDevice.connect(server.platform(), device)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> server.admin().get(path).json().has("lastConnectTime"));
            JsonNode online = server.admin().get(path).json();
            assertThat(online.get("connected").asBoolean()).isTrue();
            assertThat(online.get("sessions").asInt()).isEqualTo(1);
            assertThat(online.get("active").asBoolean()).isTrue();
            assertThat(online.get("lastConnectTime").asLong()).isGreaterThanOrEqualTo(before);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> server.admin().get(path).json().has("lastDisconnectTime"));
        JsonNode offline = server.admin().get(path).json();
        assertThat(offline.get("connected").asBoolean()).isFalse();
        assertThat(offline.get("active").asBoolean()).as("disconnecting alone does not clear active").isTrue();
        assertThat(offline.get("lastDisconnectTime").asLong())
                .isGreaterThanOrEqualTo(offline.get("lastConnectTime").asLong());
    }
}
