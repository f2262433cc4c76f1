package io.petrel.server.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.petrel.server.rest.schema.Field;
import io.petrel.server.rest.schema.OpenApiSchemas;
import io.petrel.server.rest.schema.Param;
import io.petrel.server.rest.schema.Schema;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The OpenAPI 3.1 document of the API, written from the route table: every route is an operation, and its
 * parameters, body and answers are the schemas the route checks requests against.
 */
public final class OpenApiDocument {
    /** The path the document is served at. */
    public static final String PATH = RestApi.BASE + "/openapi.json";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Schema ERROR = Schema.named("Error", "Why a request failed.", Schema.object(
            Field.required("status", Schema.integer(400, 599), "The HTTP status."),
            Field.required("error", Schema.string(),
                    "A short, stable name of the status, such as bad_request or not_found."),
            Field.required("message", Schema.string(), "What is wrong, in words.")));
    private static final Map<Integer, String> ERRORS = Map.of(
            400, "The request is malformed: bad JSON, a wrong type, a missing or unknown field or parameter.",
            401, "No credentials, or wrong ones.",
            403, "The caller may not act in this organization, or do this at all.",
            404, "Something the request names does not exist, or the caller may not see it.",
            409, "The request clashes with what exists: a name or key already taken, a resource still in use.",
            413, "The body is too large.",
            415, "The body is not JSON.",
            429, "Too many failed logins from the caller's address: it must wait before the next.",
            502, "The device answered with something that is not JSON.",
            504, "The device did not answer in time.");

    private OpenApiDocument() {
    }

    /** The document for these routes. */
    public static ObjectNode build(List<Route> routes, String version) {
        ObjectNode document = NODES.objectNode();
        document.put("openapi", "3.1.0");
        ObjectNode info = document.putObject("info");
        info.put("title", "Petrel REST API");
        info.put("version", version);
        info.put("description", "Manage organizations, devices, credentials, attributes, telemetry, RPC and org "
                + "tokens. Authenticate with a session token from POST " + RestApi.BASE + "/auth/login, an API key "
                + "(Authorization: Bearer or X-API-Key), or an admin's user name and password (HTTP basic). Every "
                + "error is a JSON body {status, error, message}.");
        ObjectNode components = document.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        ObjectNode security = components.putObject("securitySchemes");
        security.putObject("bearer").put("type", "http").put("scheme", "bearer")
                .put("description", "A session token from login, or an API key.");
        security.putObject("apiKey").put("type", "apiKey").put("in", "header").put("name", "X-API-Key");
        security.putObject("basic").put("type", "http").put("scheme", "basic")
                .put("description", "An admin's user name and password.");
        ArrayNode requirements = document.putArray("security");
        for (String scheme : List.of("bearer", "apiKey", "basic")) {
            requirements.addObject().putArray(scheme);
        }
        OpenApiSchemas writer = new OpenApiSchemas(schemas);
        Map<String, ObjectNode> paths = new TreeMap<>();
        for (Route route : routes) {
            paths.computeIfAbsent(route.path(), path -> NODES.objectNode())
                    .set(route.method().name().toLowerCase(Locale.ROOT), operation(route, writer));
        }
        ObjectNode pathsNode = document.putObject("paths");
        paths.forEach(pathsNode::set);
        return document;
    }

    private static ObjectNode operation(Route route, OpenApiSchemas writer) {
        ObjectNode operation = NODES.objectNode();
        operation.put("operationId", route.operationId());
        operation.putArray("tags").add(route.tag());
        operation.put("summary", route.summary());
        if (route.access() == Access.PUBLIC) {
            operation.putArray("security");
        } else if (route.access() == Access.OPERATOR) {
            operation.put("description", "Only operator-wide admins and API keys may call this.");
        }
        ArrayNode parameters = NODES.arrayNode();
        for (String name : route.pathParams()) {
            parameters.add(parameter(PathParams.get(name), "path", writer));
        }
        for (Param param : route.query()) {
            parameters.add(parameter(param, "query", writer));
        }
        if (!parameters.isEmpty()) {
            operation.set("parameters", parameters);
        }
        if (route.body() != null) {
            ObjectNode body = operation.putObject("requestBody");
            body.put("required", true);
            body.putObject("content").putObject("application/json").set("schema", writer.write(route.body()));
        }
        ObjectNode responses = operation.putObject("responses");
        ObjectNode success = responses.putObject(Integer.toString(route.status()));
        success.put("description", switch (route.status()) {
            case 201 -> "Created.";
            case 204 -> "Done; no body.";
            default -> "OK.";
        });
        if (route.response() != null) {
            success.putObject("content").putObject("application/json").set("schema", writer.write(route.response()));
        }
        TreeSet<Integer> errors = new TreeSet<>(route.errors());
        // Any call may carry a query parameter the route does not take.
        errors.add(400);
        if (route.body() != null) {
            errors.add(413);
            errors.add(415);
        }
        if (!route.pathParams().isEmpty()) {
            errors.add(404);
        }
        if (route.access() != Access.PUBLIC) {
            errors.add(401);
            errors.add(403);
            // Basic authentication is an admin login, with its back-off.
            errors.add(429);
        }
        for (int status : errors) {
            ObjectNode response = responses.putObject(Integer.toString(status));
            response.put("description", ERRORS.getOrDefault(status, "An error."));
            response.putObject("content").putObject("application/json").set("schema", writer.write(ERROR));
        }
        return operation;
    }

    private static ObjectNode parameter(Param param, String in, OpenApiSchemas writer) {
        ObjectNode node = NODES.objectNode();
        node.put("name", param.name());
        node.put("in", in);
        node.put("required", param.required());
        node.put("description", param.description());
        node.set("schema", writer.write(param.schema()));
        return node;
    }
}
