package io.petrel.it.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The OpenAPI document describes exactly the operations the server serves, and paths it does not serve. */
class OpenApiIT {
    @RegisterExtension
    static final RestServerExtension server = new RestServerExtension();

    @Test
    void everyServedOperationIsDocumentedAndEveryDocumentedOneIsServed() {
        JsonNode document = server.anonymous().get("/api/v1/openapi.json").json();
        List<String> documented = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                documented.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }
        List<String> served = server.petrel().server().httpEndpoints().stream()
                .filter(endpoint -> endpoint.contains(" /api/"))
                .filter(endpoint -> !endpoint.endsWith("/api/v1/<path>"))
                .toList();
        assertThat(served).containsExactlyInAnyOrderElementsOf(documented);
        assertThat(documented).hasSizeGreaterThan(30).contains("POST /api/v1/devices/{deviceId}/rpc/twoway",
                "GET /api/v1/openapi.json");
    }

    @Test
    void theDocumentIsOpenApi31WithUniqueOperationIdsAndResolvableReferences() {
        JsonNode document = server.anonymous().get("/api/v1/openapi.json").json();
        assertThat(document.get("openapi").asText()).isEqualTo("3.1.0");
        Set<String> ids = new HashSet<>();
        List<String> references = new ArrayList<>();
        for (JsonNode path : document.get("paths")) {
            for (JsonNode operation : path) {
                assertThat(ids.add(operation.get("operationId").asText())).as(operation.get("operationId").asText())
                        .isTrue();
                assertThat(operation.get("responses").size()).isPositive();
            }
        }
        collectReferences(document, references);
        assertThat(references).isNotEmpty().allSatisfy(reference ->
                assertThat(document.at(reference.substring(1)).isMissingNode()).as(reference).isFalse());
        assertThat(document.at("/paths/~1api~1v1~1auth~1login/post/security").isEmpty())
                .as("login needs no credentials").isTrue();
    }

    @Test
    void pathsNoOperationServesGetAJson404AndWrongMethodsA405WithAllow() {
        RestClient admin = server.admin();
        RestClient.Response missing = admin.get("/api/v1/gadgets");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("error").asText()).isEqualTo("not_found");
        assertThat(missing.message()).contains("GET /api/v1/gadgets").contains("openapi.json");

        RestClient.Response wrongMethod = admin.send("PUT", "/api/v1/organizations", "{}", "application/json");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).contains("GET, POST");
        assertThat(wrongMethod.json().get("error").asText()).isEqualTo("method_not_allowed");
    }

    private static void collectReferences(JsonNode node, List<String> references) {
        if (node.has("$ref")) {
            references.add(node.get("$ref").asText());
        }
        node.forEach(child -> collectReferences(child, references));
    }
}
