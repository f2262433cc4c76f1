package io.petrel.server.rest.resources;

import static io.petrel.server.rest.schema.Field.optional;
import static io.petrel.server.rest.schema.Field.required;

import io.petrel.api.store.platform.Organization;
import io.petrel.platform.Result;
import io.petrel.server.rest.Access;
import io.petrel.server.rest.ApiError;
import io.petrel.server.rest.Call;
import io.petrel.server.rest.Route;
import io.petrel.server.rest.resources.Views.OrganizationView;
import io.petrel.server.rest.schema.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Organizations. Operator-wide callers create, list and delete them; a caller of one organization sees and
 * updates that one.
 */
final class OrganizationRoutes {
    private static final String TAG = "Organizations";
    private static final Schema NEW_ORGANIZATION = Schema.named("NewOrganization", "An organization to create.",
            Schema.object(
                    required("id", Schema.text(64), "The id: 1 to 64 lower-case letters, digits, '_', '.' or '-', "
                            + "starting with a letter or digit. It scopes the organization's topics."),
                    optional("name", Schema.text(255), "A display name; the id when left out."),
                    optional("telemetryTtlMs", Schema.integer(0, Long.MAX_VALUE),
                            "How long telemetry is kept, in milliseconds; 0 (the default) keeps it forever.")));
    private static final Schema UPDATE = Schema.named("OrganizationUpdate", "Changes to an organization.",
            Schema.object(
                    optional("name", Schema.text(255), "A new display name."),
                    optional("telemetryTtlMs", Schema.integer(0, Long.MAX_VALUE),
                            "How long telemetry is kept, in milliseconds; 0 keeps it forever.")));

    private OrganizationRoutes() {
    }

    static List<Route> routes(RestContext rest) {
        return List.of(
                Route.get("/api/v1/organizations").doc("listOrganizations", TAG,
                                "List the organizations the caller may act in.")
                        .ok(Schema.array(Schemas.ORGANIZATION)).handle(call -> list(rest, call)),
                Route.post("/api/v1/organizations").doc("createOrganization", TAG,
                                "Create an organization, with its default device profile.")
                        .access(Access.OPERATOR).body(NEW_ORGANIZATION).created(Schemas.ORGANIZATION).errors(409)
                        .handle(call -> create(rest, call)),
                Route.get("/api/v1/organizations/{org}").doc("getOrganization", TAG, "Read an organization.")
                        .ok(Schemas.ORGANIZATION)
                        .handle(call -> OrganizationView.of(rest.platform().registry()
                                .organization(rest.organization(call)).orElseThrow())),
                Route.patch("/api/v1/organizations/{org}").doc("updateOrganization", TAG,
                                "Rename an organization or change how long its telemetry is kept.")
                        .body(UPDATE).ok(Schemas.ORGANIZATION).handle(call -> update(rest, call)),
                Route.delete("/api/v1/organizations/{org}").doc("deleteOrganization", TAG,
                                "Delete an organization that has no devices left, with its profiles and API keys.")
                        .access(Access.OPERATOR).noContent().errors(409).handle(call -> delete(rest, call)));
    }

    private static List<OrganizationView> list(RestContext rest, Call call) {
        return rest.platform().registry().organizations().stream()
                .filter(org -> call.caller().mayActIn(org.id()))
                .map(OrganizationView::of)
                .toList();
    }

    private static OrganizationView create(RestContext rest, Call call) {
        String name = call.body().optString("name");
        Long ttl = call.body().optLong("telemetryTtlMs");
        Result<Organization> created = rest.platform().registry().createOrganization(call.body().string("id"),
                name == null ? "" : name, ttl == null ? 0 : ttl);
        return OrganizationView.of(ApiError.check(created));
    }

    private static OrganizationView update(RestContext rest, Call call) {
        String org = rest.organization(call);
        return OrganizationView.of(ApiError.check(rest.platform().registry().updateOrganization(org,
                call.body().optString("name"), call.body().optLong("telemetryTtlMs"))));
    }

    private static @Nullable Object delete(RestContext rest, Call call) {
        String org = rest.organization(call);
        ApiError.check(rest.platform().registry().deleteOrganization(org));
        rest.apiKeys().list(org).forEach(key -> rest.apiKeys().delete(key.id()));
        return null;
    }
}
