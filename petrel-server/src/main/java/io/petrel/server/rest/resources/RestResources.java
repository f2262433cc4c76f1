package io.petrel.server.rest.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.petrel.server.rest.Access;
import io.petrel.server.rest.OpenApiDocument;
import io.petrel.server.rest.Route;
import io.petrel.server.rest.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** Every route of the API, the OpenAPI document's own included. */
public final class RestResources {
    private RestResources() {
    }

    /** The routes, in the order the document lists them. */
    public static List<Route> all(RestContext rest, String version) {
        List<Route> routes = new ArrayList<>();
        routes.addAll(AuthRoutes.routes(rest));
        routes.addAll(ApiKeyRoutes.routes(rest));
        routes.addAll(OrganizationRoutes.routes(rest));
        routes.addAll(OrgTokenRoutes.routes(rest));
        routes.addAll(DeviceRoutes.routes(rest));
        routes.addAll(CredentialRoutes.routes(rest));
        routes.addAll(DeviceStateRoutes.routes(rest));
        routes.addAll(ClaimRoutes.routes(rest));
        routes.addAll(AttributeRoutes.routes(rest));
        routes.addAll(TelemetryRoutes.routes(rest));
        routes.addAll(RpcRoutes.routes(rest));
        AtomicReference<ObjectNode> document = new AtomicReference<>();
        routes.add(Route.get(OpenApiDocument.PATH).doc("getOpenApi", "Documentation",
                        "This API's OpenAPI 3.1 document.")
                .access(Access.PUBLIC)
                .ok(Schema.named("OpenApiDocument", "An OpenAPI 3.1 document.", Schema.map(Schema.any())))
                .handle(call -> document.get()));
        document.set(OpenApiDocument.build(routes, version));
        return List.copyOf(routes);
    }
}
