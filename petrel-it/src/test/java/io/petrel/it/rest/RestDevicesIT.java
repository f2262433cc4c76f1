package io.petrel.it.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.petrel.api.store.platform.Device;
import io.petrel.it.rest.RestClient.Response;
import io.petrel.platform.api.ReasonCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Devices and their credentials: every operation, the ways each goes wrong, and what changes do to sessions. */
class RestDevicesIT {
    @RegisterExtension
    static final RestServerExtension server = new RestServerExtension();

    @BeforeAll
    static void setUp() {
        server.admin().post("/api/v1/organizations", "{\"id\":\"acme\"}");
        server.admin().post("/api/v1/organizations", "{\"id\":\"umbrella\"}");
    }

    private static JsonNode create(String org, String body) {
        Response created = server.admin().post("/api/v1/organizations/" + org + "/devices", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    private static Device device(JsonNode view) {
        return server.platform().registry().device(UUID.fromString(view.get("id").asText())).orElseThrow();
    }

    @Test
    void aDeviceIsCreatedWithAGeneratedTokenAndReadBack() {
        JsonNode created = create("acme", "{\"name\":\"pump-1\",\"type\":\"pump\",\"additionalInfo\":{\"floor\":2}}");
        assertThat(created.get("organization").asText()).isEqualTo("acme");
        assertThat(created.get("profile").asText()).isEqualTo("default");
        assertThat(created.get("type").asText()).isEqualTo("pump");
        assertThat(created.get("gateway").asBoolean()).isFalse();
        assertThat(created.get("additionalInfo").get("floor").asInt()).isEqualTo(2);
        assertThat(created.get("credentials").get("type").asText()).isEqualTo("ACCESS_TOKEN");
        assertThat(created.get("credentials").get("token").asText()).matches("[A-Za-z0-9]{20}");

        JsonNode read = server.admin().get("/api/v1/devices/" + created.get("id").asText()).json();
        assertThat(read.has("credentials")).isFalse();
        assertThat(read.get("name").asText()).isEqualTo("pump-1");
        assertThat(server.admin().get("/api/v1/devices/" + created.get("id").asText() + "/credentials").json())
                .isEqualTo(created.get("credentials"));
    }

    @Test
    void aDeviceIsCreatedWithTheCredentialsAsked() {
        JsonNode token = create("acme", "{\"name\":\"t1\",\"credentials\":{\"type\":\"ACCESS_TOKEN\",\"token\":"
                + "\"my-token-1\"}}");
        assertThat(token.get("credentials").get("token").asText()).isEqualTo("my-token-1");
        JsonNode basic = create("acme", "{\"name\":\"b1\",\"gateway\":true,\"credentials\":{\"type\":\"MQTT_BASIC\","
                + "\"clientId\":\"c1\",\"userName\":\"u1\",\"password\":\"p1\"}}");
        assertThat(basic.get("gateway").asBoolean()).isTrue();
        assertThat(basic.get("credentials").get("clientId").asText()).isEqualTo("c1");
        assertThat(basic.get("credentials").get("hasPassword").asBoolean()).isTrue();
        assertThat(basic.get("credentials").has("password")).as("never shown").isFalse();
        String fingerprint = "ab".repeat(32);
        JsonNode x509 = create("acme", "{\"name\":\"x1\",\"credentials\":{\"type\":\"X509_CERTIFICATE\","
                + "\"fingerprint\":\"" + fingerprint.toUpperCase() + "\"}}");
        assertThat(x509.get("credentials").get("fingerprint").asText()).isEqualTo(fingerprint);
    }

    @Test
    void takenNamesAndCredentialsAreConflictsAndNothingIsHalfCreated() {
        create("acme", "{\"name\":\"dup\",\"credentials\":{\"type\":\"ACCESS_TOKEN\",\"token\":\"dup-token\"}}");
        Response name = server.admin().post("/api/v1/organizations/acme/devices", "{\"name\":\"dup\"}");
        assertThat(name.status()).isEqualTo(409);
        assertThat(name.message()).isEqualTo("a device named 'dup' already exists");
        assertThat(server.admin().post("/api/v1/organizations/umbrella/devices", "{\"name\":\"dup\"}").status())
                .as("names are per organization").isEqualTo(201);

        Response token = server.admin().post("/api/v1/organizations/acme/devices",
                "{\"name\":\"other\",\"credentials\":{\"type\":\"ACCESS_TOKEN\",\"token\":\"dup-token\"}}");
        assertThat(token.status()).isEqualTo(409);
        assertThat(token.message()).contains("already used by another device");
        assertThat(server.platform().registry().deviceByName("acme", "other")).isEmpty();
    }

    @Test
    void devicesArePagedInNameOrder() {
        server.admin().post("/api/v1/organizations", "{\"id\":\"paged\"}");
        for (String name : List.of("d3", "d1", "d5", "d2", "d4")) {
            create("paged", "{\"name\":\"" + name + "\"}");
        }
        List<String> names = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            JsonNode page = server.admin().get("/api/v1/organizations/paged/devices?limit=2"
                    + (after == null ? "" : "&after=" + after)).json();
            page.get("devices").forEach(device -> names.add(device.get("name").asText()));
            after = page.has("nextAfter") ? page.get("nextAfter").asText() : null;
            pages++;
        } while (after != null && pages < 10);
        assertThat(names).containsExactly("d1", "d2", "d3", "d4", "d5");
        assertThat(server.admin().get("/api/v1/organizations/paged/devices?limit=0").message())
                .isEqualTo("query parameter 'limit' must be an integer from 1 to 1000, not 0");
        assertThat(server.admin().get("/api/v1/organizations/paged/devices?limit=ten").message())
                .isEqualTo("query parameter 'limit' must be an integer from 1 to 1000, not ten");
        assertThat(server.admin().get("/api/v1/organizations/paged/devices?limit=1&limit=2").message())
                .isEqualTo("query parameter 'limit' is given more than once");
        assertThat(server.admin().get("/api/v1/organizations/nowhere/devices").status()).isEqualTo(404);
    }

    @Test
    void aDeviceIsRenamedAndItsSessionsEndSoTheyLogInWithTheNewName() throws Exception {
        JsonNode view = create("acme", "{\"name\":\"old-name\"}");
        String id = view.get("id").asText();
        try (PlatformDevice session = PlatformDevice.connect(server.platform(), device(view))) {
            Response patched = server.admin().patch("/api/v1/devices/" + id,
                    "{\"name\":\"new-name\",\"type\":\"valve\"}");
            assertThat(patched.status()).isEqualTo(200);
            assertThat(patched.json().get("name").asText()).isEqualTo("new-name");
            assertThat(patched.json().get("type").asText()).isEqualTo("valve");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> session.closedWith() == ReasonCode.ADMINISTRATIVE_ACTION);
        }
        create("acme", "{\"name\":\"taken-name\"}");
        assertThat(server.admin().patch("/api/v1/devices/" + id, "{\"name\":\"taken-name\"}").status()).isEqualTo(409);
        assertThat(server.admin().patch("/api/v1/devices/" + id, "{\"profile\":\"x\"}").message())
                .startsWith("unknown field 'profile'");
        assertThat(server.admin().patch("/api/v1/devices/" + id, "{\"additionalInfo\":[1]}").message())
                .isEqualTo("field 'additionalInfo' must be an object, not an array");
    }

    @Test
    void newCredentialsEndTheDevicesSessionsWithAdministrativeAction() throws Exception {
        JsonNode view = create("acme", "{\"name\":\"rotated\"}");
        String id = view.get("id").asText();
        try (PlatformDevice session = PlatformDevice.connect(server.platform(), device(view))) {
            Response replaced = server.admin().put("/api/v1/devices/" + id + "/credentials",
                    "{\"type\":\"MQTT_BASIC\",\"userName\":\"rotated-user\",\"password\":\"pw\"}");
            assertThat(replaced.status()).isEqualTo(200);
            assertThat(replaced.json().get("userName").asText()).isEqualTo("rotated-user");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> session.closedWith() == ReasonCode.ADMINISTRATIVE_ACTION);
        }
        JsonNode generated = server.admin().put("/api/v1/devices/" + id + "/credentials",
                "{\"type\":\"ACCESS_TOKEN\"}").json();
        assertThat(generated.get("token").asText()).matches("[A-Za-z0-9]{20}");
    }

    @Test
    void credentialBodiesAreCheckedForTheirType() {
        String id = create("acme", "{\"name\":\"checked\"}").get("id").asText();
        String path = "/api/v1/devices/" + id + "/credentials";
        assertThat(server.admin().put(path, "{\"type\":\"ACCESS_TOKEN\",\"password\":\"x\"}").message())
                .isEqualTo("field 'password' does not apply to ACCESS_TOKEN credentials (allowed: token)");
        assertThat(server.admin().put(path, "{\"type\":\"TOKEN\"}").message())
                .isEqualTo("field 'type' must be one of ACCESS_TOKEN, MQTT_BASIC, X509_CERTIFICATE, not 'TOKEN'");
        assertThat(server.admin().put(path, "{\"type\":\"X509_CERTIFICATE\"}").message())
                .isEqualTo("field 'fingerprint' is required for X509_CERTIFICATE credentials");
        assertThat(server.admin().put(path, "{\"type\":\"X509_CERTIFICATE\",\"fingerprint\":\"abc\"}").message())
                .contains("64 hex digits");
        assertThat(server.admin().put(path, "{\"type\":\"MQTT_BASIC\",\"clientId\":\"c\",\"password\":\"p\"}")
                .message()).contains("client id only cannot have a password");
        assertThat(server.admin().put(path, "{\"type\":\"MQTT_BASIC\"}").message())
                .contains("need a client id, a user name");
        assertThat(server.admin().put(path, "{\"type\":\"ACCESS_TOKEN\",\"token\":\"\"}").message())
                .isEqualTo("field 'token' must not be empty");
        assertThat(server.admin().post("/api/v1/organizations/acme/devices",
                "{\"name\":\"n\",\"credentials\":{\"type\":\"MQTT_BASIC\",\"token\":\"t\"}}").message())
                .isEqualTo("field 'token' does not apply to MQTT_BASIC credentials (allowed: clientId, password, "
                        + "userName)");
    }

    @Test
    void badDeviceBodiesSayWhatIsWrong() {
        String path = "/api/v1/organizations/acme/devices";
        assertThat(server.admin().post(path, "{}").message()).isEqualTo("field 'name' is required");
        assertThat(server.admin().post(path, "{\"name\":\"a/b\"}").message()).contains("must not contain '/'");
        assertThat(server.admin().post(path, "{\"name\":\"n\",\"gateway\":\"yes\"}").message())
                .isEqualTo("field 'gateway' must be a boolean, not a string");
        assertThat(server.admin().post(path, "{\"name\":\"n\",\"profile\":\"missing\"}").message())
                .isEqualTo("no device profile 'missing' in organization 'acme'");
        assertThat(server.admin().post(path,
                "{\"name\":\"n\",\"credentials\":{\"type\":\"ACCESS_TOKEN\",\"tokn\":\"t\"}}").message())
                .startsWith("unknown field 'credentials.tokn'");
        assertThat(server.admin().post(path, "{\"name\":\"n\"} trailing").message())
                .startsWith("the body is not valid JSON");
        assertThat(server.admin().post(path, "{\"name\":\"" + "n".repeat(256) + "\"}").message())
                .isEqualTo("field 'name' must have at most 255 characters");
        Response huge = server.admin().post(path, "{\"name\":\"n\",\"additionalInfo\":{\"x\":\"" + "x".repeat(2_000_000)
                + "\"}}");
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.json().get("error").asText()).isEqualTo("payload_too_large");
    }

    @Test
    void unknownMalformedAndForeignDeviceIdsAreRefused() {
        UUID unknown = UUID.randomUUID();
        Response missing = server.admin().get("/api/v1/devices/" + unknown);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.message()).isEqualTo("no device " + unknown);
        assertThat(server.admin().get("/api/v1/devices/not-a-uuid").message())
                .isEqualTo("path parameter 'deviceId' must be a UUID, not 'not-a-uuid'");

        String umbrellaDevice = create("umbrella", "{\"name\":\"secret\"}").get("id").asText();
        RestClient acme = server.withApiKeyOf("acme", "acme");
        assertThat(acme.get("/api/v1/devices/" + umbrellaDevice).status())
                .as("another organization's device is not even seen").isEqualTo(404);
        assertThat(acme.delete("/api/v1/devices/" + umbrellaDevice).status()).isEqualTo(404);
        assertThat(acme.post("/api/v1/organizations/umbrella/devices", "{\"name\":\"x\"}").status()).isEqualTo(403);
    }

    @Test
    void aDeletedDeviceIsGoneWithItsSessions() throws Exception {
        JsonNode view = create("acme", "{\"name\":\"doomed\"}");
        String id = view.get("id").asText();
        try (PlatformDevice session = PlatformDevice.connect(server.platform(), device(view))) {
            assertThat(server.admin().delete("/api/v1/devices/" + id).status()).isEqualTo(204);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> session.closedWith() == ReasonCode.ADMINISTRATIVE_ACTION);
        }
        assertThat(server.admin().get("/api/v1/devices/" + id).status()).isEqualTo(404);
        assertThat(server.admin().get("/api/v1/devices/" + id + "/credentials").status()).isEqualTo(404);
        assertThat(server.admin().delete("/api/v1/devices/" + id).status()).isEqualTo(404);
    }
}
