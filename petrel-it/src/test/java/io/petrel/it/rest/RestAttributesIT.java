package io.petrel.it.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.petrel.api.store.platform.Device;
import io.petrel.it.rest.RestClient.Response;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Attributes in three scopes; shared ones reach the device. */
class RestAttributesIT {
    @RegisterExtension
    static final RestServerExtension server = new RestServerExtension();

    @Test
    void savingSharedAttributesPushesThemToTheDeviceInOneMessage() throws Exception {
        Device device = server.device("thermostat");
        try (PlatformDevice session = PlatformDevice.connect(server.platform(), device)) {
            session.subscribe("v1/devices/me/attributes");
            Response saved = server.admin().post("/api/v1/devices/" + device.id() + "/attributes/shared",
                    "{\"targetTemp\": 22.5, \"mode\": \"eco\"}");
            assertThat(saved.status()).isEqualTo(200);
            assertThat(saved.json()).extracting(a -> a.get("key").asText()).containsExactlyInAnyOrder("targetTemp",
                    "mode");
            await().atMost(Duration.ofSeconds(10)).until(() -> !session.received().isEmpty());
            assertThat(session.received())
                    .containsExactly("v1/devices/me/attributes {\"targetTemp\":22.5,\"mode\":\"eco\"}");

            Response deleted = server.admin().delete("/api/v1/devices/" + device.id()
                    + "/attributes/shared?keys=mode,none");
            assertThat(deleted.json().get("deleted")).extracting(JsonNode::asText).containsExactly("mode");
            await().atMost(Duration.ofSeconds(10)).until(() -> session.received().size() == 2);
            assertThat(session.received().get(1)).isEqualTo("v1/devices/me/attributes {\"deleted\":[\"mode\"]}");
        }
    }

    @Test
    void serverAttributesAreNotPushedAndValuesAreTypedAsTheDeviceApiSays() throws Exception {
        Device device = server.device("typed");
        try (PlatformDevice session = PlatformDevice.connect(server.platform(), device)) {
            session.subscribe("v1/devices/me/attributes");
            JsonNode saved = server.admin().post("/api/v1/devices/" + device.id() + "/attributes/server",
                    "{\"a\": 42.0, \"b\": 4.2E1, \"c\": \"17\", \"d\": {\"x\": [1]}, \"e\": null, "
                            + "\"f\": false}").json();
            assertThat(saved).hasSize(5);
            JsonNode read = server.admin().get("/api/v1/devices/" + device.id() + "/attributes/server?keys=a,b,c,d,f")
                    .json();
            assertThat(value(read, "a").isDouble()).as("42.0 stays a double").isTrue();
            assertThat(value(read, "b").isIntegralNumber()).as("4.2E1 is a long").isTrue();
            assertThat(value(read, "c").asLong()).as("a numeric string is cast").isEqualTo(17);
            assertThat(value(read, "d").get("x").get(0).asInt()).isEqualTo(1);
            assertThat(value(read, "f").asBoolean()).isFalse();
            assertThat(read).allSatisfy(attribute -> assertThat(attribute.get("lastUpdateTs").asLong()).isPositive());
            assertThat(session.received()).as("server attributes are never pushed").isEmpty();
        }
    }

    @Test
    void clientAttributesAreTheDevicesToWriteAndAreReadHere() throws Exception {
        Device device = server.device("reporter");
        try (PlatformDevice session = PlatformDevice.connect(server.platform(), device)) {
            session.publish("v1/devices/me/attributes", "{\"model\":\"X1\",\"fw\":\"1.2\"}");
        }
        String path = "/api/v1/devices/" + device.id() + "/attributes/client";
        assertThat(server.admin().get(path).json()).extracting(a -> a.get("key").asText())
                .containsExactly("fw", "model");
        Response refused = server.admin().post(path, "{\"model\":\"X2\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.message()).contains("written by the device");
        assertThat(server.admin().delete(path + "?keys=fw").json().get("deleted")).hasSize(1);
    }

    @Test
    void badAttributeRequestsSayWhatIsWrong() {
        Device device = server.device("strict");
        String base = "/api/v1/devices/" + device.id() + "/attributes/";
        assertThat(server.admin().get(base + "public").message())
                .isEqualTo("path parameter 'scope' must be one of client, shared, server, not 'public'");
        assertThat(server.admin().post(base + "shared", "[1]").message())
                .isEqualTo("the body must be an object, not an array");
        assertThat(server.admin().post(base + "shared", "{\"\": 1}").message()).isEqualTo("a key must not be empty");
        assertThat(server.admin().delete(base + "shared").message()).isEqualTo("query parameter 'keys' is required");
        assertThat(server.admin().get(base + "shared?key=a").message()).startsWith("unknown query parameter 'key'");
        assertThat(server.admin().post("/api/v1/devices/" + UUID.randomUUID() + "/attributes/shared", "{\"a\":1}")
                .status()).isEqualTo(404);
    }

    private static JsonNode value(JsonNode attributes, String key) {
        for (JsonNode attribute : attributes) {
            if (attribute.get("key").asText().equals(key)) {
                return attribute.get("value");
            }
        }
        throw new AssertionError("no attribute " + key + " in " + attributes);
    }
}
