package io.petrel.it.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.petrel.it.rest.RestClient.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Organizations: created, listed, read, changed and deleted, and every way a request about them goes wrong. */
class RestOrganizationsIT {
    @RegisterExtension
    static final RestServerExtension server = new RestServerExtension();

    @Test
    void theDefaultOrganizationExistsFromTheStart() {
        assertThat(server.admin().get("/api/v1/organizations").json()).extracting(org -> org.get("id").asText())
                .contains("default");
    }

    @Test
    void anOrganizationIsCreatedReadChangedAndDeleted() {
        Response created = server.admin().post("/api/v1/organizations",
                "{\"id\":\"initech\",\"name\":\"Initech\",\"telemetryTtlMs\":86400000}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("name").asText()).isEqualTo("Initech");
        assertThat(created.json().get("telemetryTtlMs").asLong()).isEqualTo(86_400_000L);

        JsonNode read = server.admin().get("/api/v1/organizations/initech").json();
        assertThat(read).isEqualTo(created.json());

        JsonNode renamed = server.admin().patch("/api/v1/organizations/initech", "{\"name\":\"Initech Ltd\"}").json();
        assertThat(renamed.get("name").asText()).isEqualTo("Initech Ltd");
        assertThat(renamed.get("telemetryTtlMs").asLong()).as("unchanged").isEqualTo(86_400_000L);
        assertThat(server.admin().patch("/api/v1/organizations/initech", "{\"telemetryTtlMs\":0}").json()
                .get("telemetryTtlMs").asLong()).isZero();

        assertThat(server.admin().delete("/api/v1/organizations/initech").status()).isEqualTo(204);
        assertThat(server.admin().get("/api/v1/organizations/initech").status()).isEqualTo(404);
        assertThat(server.admin().delete("/api/v1/organizations/initech").status()).isEqualTo(404);
    }

    @Test
    void aTakenIdIsAConflictAndABadOneABadRequest() {
        assertThat(server.admin().post("/api/v1/organizations", "{\"id\":\"taken\"}").status()).isEqualTo(201);
        Response again = server.admin().post("/api/v1/organizations", "{\"id\":\"taken\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("error").asText()).isEqualTo("conflict");
        assertThat(again.message()).isEqualTo("organization 'taken' already exists");

        Response upper = server.admin().post("/api/v1/organizations", "{\"id\":\"Acme\"}");
        assertThat(upper.status()).isEqualTo(400);
        assertThat(upper.message()).contains("lower-case");
        assertThat(server.admin().post("/api/v1/organizations", "{\"id\":\"a/b\"}").status()).isEqualTo(400);
        assertThat(server.admin().post("/api/v1/organizations", "{\"id\":\"ok\",\"telemetryTtlMs\":-1}").message())
                .isEqualTo("field 'telemetryTtlMs' must be an integer of at least 0, not -1");
        assertThat(server.admin().post("/api/v1/organizations", "{\"id\":\"ok\",\"telemetryTtlMs\":1.5}").message())
                .isEqualTo("field 'telemetryTtlMs' must be an integer of at least 0, not 1.5");
        assertThat(server.admin().post("/api/v1/organizations", "{\"id\":\"ok\",\"telemetryTtlMs\":\"1\"}").message())
                .isEqualTo("field 'telemetryTtlMs' must be an integer of at least 0, not a string");
        assertThat(server.admin().patch("/api/v1/organizations/taken", "{\"name\":\"  \"}").message())
                .isEqualTo("an organization name must not be blank");
        assertThat(server.admin().patch("/api/v1/organizations/nowhere", "{\"name\":\"x\"}").status()).isEqualTo(404);
    }

    @Test
    void anOrganizationWithDevicesIsNotDeletedAndItsApiKeysGoWithIt() {
        server.admin().post("/api/v1/organizations", "{\"id\":\"busy\"}");
        String device = server.admin().post("/api/v1/organizations/busy/devices", "{\"name\":\"d1\"}").json().get("id")
                .asText();
        String key = server.admin().post("/api/v1/api-keys", "{\"name\":\"busy key\",\"organization\":\"busy\"}").json()
                .get("key").asText();
        Response refused = server.admin().delete("/api/v1/organizations/busy");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.message()).contains("still has 1 device(s)");

        assertThat(server.admin().delete("/api/v1/devices/" + device).status()).isEqualTo(204);
        assertThat(server.admin().delete("/api/v1/organizations/busy").status()).isEqualTo(204);
        assertThat(server.anonymous().withBearer(key).get("/api/v1/auth/me").status()).isEqualTo(401);
    }

    @Test
    void anOrganizationsCallerRenamesItsOwnButCannotCreateOrDelete() {
        server.admin().post("/api/v1/organizations", "{\"id\":\"tenant\"}");
        RestClient tenant = server.withApiKeyOf("t", "tenant");
        assertThat(tenant.patch("/api/v1/organizations/tenant", "{\"name\":\"Tenant Inc\"}").status()).isEqualTo(200);
        assertThat(tenant.delete("/api/v1/organizations/tenant").status()).isEqualTo(403);
        Response create = tenant.post("/api/v1/organizations", "{\"id\":\"other\"}");
        assertThat(create.status()).isEqualTo(403);
        assertThat(create.message()).contains("operator-wide");
        assertThat(tenant.patch("/api/v1/organizations/default", "{\"name\":\"mine\"}").status()).isEqualTo(403);
    }

    @Test
    void unknownQueryParametersAndMalformedPathsAreRefused() {
        assertThat(server.admin().get("/api/v1/organizations?limit=5").message())
                .isEqualTo("unknown query parameter 'limit'; this operation takes none");
        assertThat(server.admin().get("/api/v1/organizations/" + "x".repeat(65)).message())
                .isEqualTo("path parameter 'org' must have at most 64 characters");
    }
}
