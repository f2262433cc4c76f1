package io.petrel.it.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.petrel.api.store.platform.Device;
import io.petrel.it.rest.RestClient.Response;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Server-side RPC over REST with a device session of the platform answering: two-way calls return the device's
 * answer, one-way calls return once delivered, and calls that run out of time are 504s.
 */
class RestRpcIT {
    @RegisterExtension
    static final RestServerExtension server = new RestServerExtension();

    private static CompletableFuture<Response> callAsync(Device device, String kind, String body) {
        return CompletableFuture.supplyAsync(() -> server.admin().post("/api/v1/devices/" + device.id() + "/rpc/"
                + kind, body));
    }

    @Test
    void aTwoWayCallReturnsTheDevicesAnswer() throws Exception {
        Device device = server.device("gpio");
        try (PlatformDevice session = PlatformDevice.connect(server.platform(), device)) {
            session.subscribe("v1/devices/me/rpc/request/+");
            CompletableFuture<Response> call = callAsync(device, "twoway",
                    "{\"method\":\"getGpio\",\"params\":{\"pin\":4},\"timeout\":30000}");
            await().atMost(Duration.ofSeconds(10)).until(() -> !session.received().isEmpty());
            assertThat(session.received())
                    .containsExactly("v1/devices/me/rpc/request/0 {\"method\":\"getGpio\",\"params\":{\"pin\":4}}");
            session.publish("v1/devices/me/rpc/response/0", "{\"pin\":4,\"value\":1}");
            Response answer = call.get(30, TimeUnit.SECONDS);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("{\"pin\":4,\"value\":1}");
        }
    }

    @Test
    void aOneWayCallReturnsOnceTheDeviceHasIt() throws Exception {
        Device device = server.device("relay");
        try (PlatformDevice session = PlatformDevice.connect(server.platform(), device)) {
            session.subscribe("v1/devices/me/rpc/request/+");
            Response delivered = server.admin().post("/api/v1/devices/" + device.id() + "/rpc/oneway",
                    "{\"method\":\"reboot\"}");
            assertThat(delivered.status()).isEqualTo(200);
            assertThat(delivered.json().get("status").asText()).isEqualTo("DELIVERED");
            assertThat(delivered.json().get("id").asInt()).isZero();
            assertThat(session.received()).containsExactly(
                    "v1/devices/me/rpc/request/0 {\"method\":\"reboot\",\"params\":null}");
        }
    }

    @Test
    void aTwoWayCallWithoutAnswerIs504() throws Exception {
        Device device = server.device("silent");
        try (PlatformDevice session = PlatformDevice.connect(server.platform(), device)) {
            session.subscribe("v1/devices/me/rpc/request/+");
            Response timedOut = server.admin().post("/api/v1/devices/" + device.id() + "/rpc/twoway",
                    "{\"method\":\"getTemp\",\"timeout\":300}");
            assertThat(timedOut.status()).isEqualTo(504);
            assertThat(timedOut.json().get("error").asText()).isEqualTo("gateway_timeout");
            assertThat(timedOut.message()).isEqualTo("the device did not answer in time");
            assertThat(session.received()).hasSize(1);
        }
    }

    @Test
    void aOneWayCallTheDeviceNeverAcknowledgesIs504() throws Exception {
        Device device = server.device("deaf");
        try (PlatformDevice session = PlatformDevice.connect(server.platform(), device)) {
            session.stopAcknowledging();
            session.subscribe("v1/devices/me/rpc/request/+");
            Response timedOut = server.admin().post("/api/v1/devices/" + device.id() + "/rpc/oneway",
                    "{\"method\":\"reboot\",\"timeout\":300}");
            assertThat(timedOut.status()).isEqualTo(504);
            assertThat(timedOut.message()).isEqualTo("the device did not acknowledge the request in time");
        }
    }

    @Test
    void aCallToADeviceThatNeverSubscribesExpiresUnsent() {
        Device device = server.device("offline");
        Response expired = server.admin().post("/api/v1/devices/" + device.id() + "/rpc/twoway",
                "{\"method\":\"getTemp\",\"timeout\":200}");
        assertThat(expired.status()).isEqualTo(504);
        assertThat(expired.message()).contains("never sent");
    }

    @Test
    void aCallWaitsForTheDeviceToSubscribe() throws Exception {
        Device device = server.device("late");
        CompletableFuture<Response> call = callAsync(device, "twoway", "{\"method\":\"ping\",\"timeout\":30000}");
        try (PlatformDevice session = PlatformDevice.connect(server.platform(), device)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                session.subscribe("v1/devices/me/rpc/request/+");
                return !session.received().isEmpty();
            });
            session.publish("v1/devices/me/rpc/response/0", "\"pong\"");
            assertThat(call.get(30, TimeUnit.SECONDS).body()).isEqualTo("\"pong\"");
        }
    }

    @Test
    void anAnswerThatIsNoJsonIs502() throws Exception {
        Device device = server.device("garbled");
        try (PlatformDevice session = PlatformDevice.connect(server.platform(), device)) {
            session.subscribe("v1/devices/me/rpc/request/+");
            CompletableFuture<Response> call = callAsync(device, "twoway", "{\"method\":\"m\",\"timeout\":30000}");
            await().atMost(Duration.ofSeconds(10)).until(() -> !session.received().isEmpty());
            session.publish("v1/devices/me/rpc/response/0", "not json");
            Response answer = call.get(30, TimeUnit.SECONDS);
            assertThat(answer.status()).isEqualTo(502);
            assertThat(answer.message()).isEqualTo("the device answered with something that is not JSON: not json");
        }
    }

    @Test
    void badCallsSayWhatIsWrong() {
        Device device = server.device("checked");
        String path = "/api/v1/devices/" + device.id() + "/rpc/twoway";
        assertThat(server.admin().post(path, "{\"params\":{}}").message()).isEqualTo("field 'method' is required");
        assertThat(server.admin().post(path, "{\"method\":\"\"}").message())
                .isEqualTo("field 'method' must not be empty");
        assertThat(server.admin().post(path, "{\"method\":\"m\",\"timeout\":0}").message())
                .isEqualTo("field 'timeout' must be an integer from 1 to 600000, not 0");
        assertThat(server.admin().post(path, "{\"method\":\"m\",\"timeout\":\"5s\"}").message())
                .isEqualTo("field 'timeout' must be an integer from 1 to 600000, not a string");
        assertThat(server.admin().post(path, "{\"method\":\"m\",\"persistent\":true}").message())
                .startsWith("unknown field 'persistent'");
        assertThat(server.admin().post("/api/v1/devices/" + UUID.randomUUID() + "/rpc/oneway", "{\"method\":\"m\"}")
                .status()).isEqualTo(404);
    }
}
