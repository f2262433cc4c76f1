package io.petrel.server.rest.resources;

import static io.petrel.server.rest.schema.Field.optional;
import static io.petrel.server.rest.schema.Field.required;

import io.petrel.api.store.platform.ApiKey;
import io.petrel.server.rest.ApiError;
import io.petrel.server.rest.Call;
import io.petrel.server.rest.Route;
import io.petrel.server.rest.auth.ApiKeys;
import io.petrel.server.rest.schema.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * API keys. A caller of one organization creates, sees and deletes that organization's keys; only an
 * operator-wide caller makes keys for other organizations or for all of them.
 */
final class ApiKeyRoutes {
    private static final String TAG = "API keys";
    private static final Schema NEW_KEY = Schema.named("NewApiKey", "An API key to create.", Schema.object(
            required("name", Schema.text(255), "What the key is for."),
            optional("organization", Schema.text(64), "The organization the key acts in. Left out: the caller's "
                    + "organization, or every organization for an operator-wide caller.")));
    private static final Schema KEY = Schema.named("ApiKey", "An API key.", Schema.object(
            required("id", Schema.string(), "The key's id."),
            required("name", Schema.string(), "What the key is for."),
            optional("organization", Schema.string(), "The organization it acts in; absent for every organization."),
            required("createdBy", Schema.string(), "Who created it."),
            required("createdAt", Schema.epochMillis(), "When it was created, in epoch milliseconds."),
            optional("key", Schema.string(), "The key itself, only in the answer to its creation: keep it, it is "
                    + "not shown again. Send it as Authorization: Bearer <key> or X-API-Key: <key>.")));

    record KeyView(String id, String name, @Nullable String organization, String createdBy, long createdAt,
            @Nullable String key) {
        static KeyView of(ApiKey key, @Nullable String secret) {
            return new KeyView(key.id(), key.name(), key.organization(), key.createdBy(), key.createdAtMillis(),
                    secret);
        }
    }

    private ApiKeyRoutes() {
    }

    static List<Route> routes(RestContext rest) {
        return List.of(
                Route.post("/api/v1/api-keys").doc("createApiKey", TAG, "Create an API key.")
                        .body(NEW_KEY).created(KEY).errors(404).handle(call -> create(rest, call)),
                Route.get("/api/v1/api-keys").doc("listApiKeys", TAG,
                                "List the API keys the caller may manage (never the keys themselves).")
                        .ok(Schema.array(KEY)).handle(call -> rest.apiKeys().list(call.caller().organization())
                                .stream().map(key -> KeyView.of(key, null)).toList()),
                Route.delete("/api/v1/api-keys/{keyId}").doc("deleteApiKey", TAG, "Delete an API key; it stops "
                                + "working at once.")
                        .noContent().handle(call -> delete(rest, call)));
    }

    private static KeyView create(RestContext rest, Call call) {
        String organization = call.body().optString("organization");
        if (organization == null) {
            organization = call.caller().organization();
        } else {
            call.requireOrganization(organization);
            if (rest.platform().registry().organization(organization).isEmpty()) {
                throw ApiError.notFound("no organization '" + organization + "'");
            }
        }
        ApiKeys.Created created = rest.apiKeys().create(call.body().string("name"), organization,
                call.caller().name());
        return KeyView.of(created.stored(), created.key());
    }

    private static @Nullable Object delete(RestContext rest, Call call) {
        String id = call.path("keyId");
        ApiKey key = rest.apiKeys().find(id)
                .filter(found -> found.organization() == null ? call.caller().operatorWide()
                        : call.caller().mayActIn(found.organization()))
                .orElseThrow(() -> ApiError.notFound("no API key " + id));
        rest.apiKeys().delete(key.id());
        return null;
    }
}
