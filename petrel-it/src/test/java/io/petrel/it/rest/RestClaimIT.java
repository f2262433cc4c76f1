package io.petrel.it.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.petrel.api.store.platform.Device;
import io.petrel.it.rest.RestClient.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Claiming (device-api.md §11): the device opens a window with a secret, a user claims it here once. */
class RestClaimIT {
    @RegisterExtension
    static final RestServerExtension server = new RestServerExtension();

    @Test
    void aDeviceIsClaimedWithItsSecretOnce() throws Exception {
        Device device = server.device("claimable");
        String path = "/api/v1/devices/" + device.id() + "/claim";

        Response noWindow = server.admin().post(path, "{\"secretKey\":\"abc\"}");
        assertThat(noWindow.status()).isEqualTo(400);
        assertThat(noWindow.message()).contains("no open claiming window, or the secret key is wrong");

        try (PlatformDevice session = PlatformDevice.connect(server.platform(), device)) {
            session.publish("v1/devices/me/claim", "{\"secretKey\":\"abc\",\"durationMs\":60000}");
        }
        assertThat(server.admin().post(path, "{\"secretKey\":\"wrong\"}").status()).isEqualTo(400);
        Response claimed = server.admin().post(path, "{\"secretKey\":\"abc\"}");
        assertThat(claimed.status()).isEqualTo(200);
        assertThat(claimed.json().get("result").asText()).isEqualTo("SUCCESS");
        assertThat(server.admin().post(path, "{\"secretKey\":\"abc\"}").status()).as("once").isEqualTo(400);
        assertThat(server.admin().post(path, "{\"secret\":\"abc\"}").message()).startsWith("unknown field 'secret'");
    }
}
