package io.petrel.it.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.petrel.api.store.platform.Device;
import io.petrel.it.rest.RestClient.Response;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Claiming (device-api.md §11): the device opens a window with a secret, a user claims it here once. */
class RestClaimIT {
    private static RestServer server;
    private static RestClient admin;

    @BeforeAll
    static void start() {
        server = RestServer.start();
        admin = server.admin();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aDeviceIsClaimedWithItsSecretOnce() throws Exception {
        JsonNode view = admin.post("/api/v1/organizations/default/devices", "{\"name\":\"claimable\"}").json();
        Device device = server.platform().registry().device(UUID.fromString(view.get("id").asText())).orElseThrow();
        String path = "/api/v1/devices/" + device.id() + "/claim";

        Response noWindow = admin.post(path, "{\"secretKey\":\"abc\"}");
        assertThat(noWindow.status()).isEqualTo(400);
        assertThat(noWindow.message()).contains("no open claiming window, or the secret key is wrong");

        try (PlatformDevice session = PlatformDevice.connect(server.platform(), device)) {
            session.publish("v1/devices/me/claim", "{\"secretKey\":\"abc\",\"durationMs\":60000}");
        }
        assertThat(admin.post(path, "{\"secretKey\":\"wrong\"}").status()).isEqualTo(400);
        Response claimed = admin.post(path, "{\"secretKey\":\"abc\"}");
        assertThat(claimed.status()).isEqualTo(200);
        assertThat(claimed.json().get("result").asText()).isEqualTo("SUCCESS");
        assertThat(admin.post(path, "{\"secretKey\":\"abc\"}").status()).as("once").isEqualTo(400);
        assertThat(admin.post(path, "{\"secret\":\"abc\"}").message()).startsWith("unknown field 'secret'");
    }
}
