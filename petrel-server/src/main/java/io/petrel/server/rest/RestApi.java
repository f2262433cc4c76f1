package io.petrel.server.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.petrel.platform.Result;
import io.petrel.platform.json.Json;
import io.petrel.platform.json.JsonReader;
import io.petrel.server.http.HttpRoutes;
import io.petrel.server.rest.auth.Authentication;
import io.petrel.server.rest.auth.Caller;
import io.petrel.server.rest.schema.Param;
import io.petrel.server.rest.schema.ParamCheck;
import io.petrel.server.rest.schema.SchemaCheck;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the route table under {@code /api/v1}. Every call goes through the same steps, in order: the caller
 * (401, 403), the path and query parameters, the body (400, 415), then the handler; the answer is the route's
 * success status with a JSON body, or a JSON error. Every answer is counted. Paths under {@code /api/v1} that
 * match no route get a JSON 404, or 405 when another method serves the path.
 */
public final class RestApi implements HttpRoutes {
    /** Where the API lives. */
    public static final String BASE = "/api/v1";
    private static final Logger LOG = LoggerFactory.getLogger(RestApi.class);
    private static final String JSON = "application/json";
    /** Javalin's default limit on request bodies. */
    static final long MAX_BODY_BYTES = 1_000_000;
    private static final List<HandlerType> METHODS = List.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT,
            HandlerType.PATCH, HandlerType.DELETE);

    private final List<Route> routes;
    private final Map<Route, Pattern> patterns = new LinkedHashMap<>();
    private final Authentication authentication;
    private final RestMetrics metrics;
    private final ObjectMapper mapper;

    /**
     * @param routes the operations, the OpenAPI document's included
     */
    public RestApi(List<Route> routes, Authentication authentication, RestMetrics metrics, ObjectMapper mapper) {
        this.routes = List.copyOf(routes);
        this.authentication = authentication;
        this.metrics = metrics;
        this.mapper = mapper;
        Set<String> ids = new HashSet<>();
        for (Route route : this.routes) {
            if (!ids.add(route.operationId())) {
                throw new IllegalArgumentException("two routes with operation id " + route.operationId());
            }
            route.pathParams().forEach(PathParams::get);
            patterns.put(route, Pattern.compile(route.path().replaceAll("\\{[^/]+}", "[^/]+")));
        }
    }

    public List<Route> routes() {
        return routes;
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi javalin) {
        for (Route route : routes) {
            javalin.addHttpHandler(route.method(), route.path(), ctx -> serve(route, ctx));
        }
        // Registered last, so that it only gets what no route took.
        for (HandlerType method : METHODS) {
            javalin.addHttpHandler(method, BASE + "/<path>", this::noRoute);
        }
    }

    private void serve(Route route, Context ctx) {
        try {
            Caller caller = route.access() == Access.PUBLIC ? Caller.NOBODY
                    : authentication.authenticate(ctx.header("Authorization"),
                            ctx.header(Authentication.API_KEY_HEADER), Call.remoteAddress(ctx));
            if (route.access() == Access.OPERATOR && !caller.operatorWide()) {
                throw ApiError.forbidden("only an operator-wide admin or API key may do this");
            }
            checkPath(route, ctx);
            checkQuery(route, ctx);
            Call.Body body = route.body() != null ? body(route, ctx) : null;
            Object result = route.handler().handle(new Call(ctx, caller, body));
            if (result instanceof CompletionStage<?> stage) {
                ctx.future(() -> stage.toCompletableFuture().handle((value, failure) -> {
                    if (failure != null) {
                        fail(route.operationId(), ctx, unwrap(failure));
                    } else {
                        succeed(route, ctx, value);
                    }
                    return null;
                }));
            } else {
                succeed(route, ctx, result);
            }
        } catch (RuntimeException e) {
            fail(route.operationId(), ctx, e);
        }
    }

    private static void checkPath(Route route, Context ctx) {
        for (String name : route.pathParams()) {
            String problem = ParamCheck.check(PathParams.get(name), ctx.pathParam(name), "path parameter");
            if (problem != null) {
                throw ApiError.badRequest(problem);
            }
        }
    }

    private static void checkQuery(Route route, Context ctx) {
        Map<String, List<String>> given = ctx.queryParamMap();
        for (Map.Entry<String, List<String>> entry : given.entrySet()) {
            if (route.query().stream().noneMatch(param -> param.name().equals(entry.getKey()))) {
                throw ApiError.badRequest("unknown query parameter '" + entry.getKey() + "'" + (route.query().isEmpty()
                        ? "; this operation takes none"
                        : " (allowed: " + route.query().stream().map(Param::name).collect(Collectors.joining(", "))
                                + ")"));
            }
            if (entry.getValue().size() > 1) {
                throw ApiError.badRequest("query parameter '" + entry.getKey() + "' is given more than once");
            }
        }
        for (Param param : route.query()) {
            String value = ctx.queryParam(param.name());
            if (value == null) {
                if (param.required()) {
                    throw ApiError.badRequest("query parameter '" + param.name() + "' is required");
                }
                continue;
            }
            String problem = ParamCheck.check(param, value, "query parameter");
            if (problem != null) {
                throw ApiError.badRequest(problem);
            }
        }
    }

    private static Call.Body body(Route route, Context ctx) {
        String type = ctx.contentType();
        if (type != null && !type.toLowerCase(Locale.ROOT).startsWith(JSON)) {
            throw new ApiError(415, "the body must be JSON, sent with Content-Type: application/json, not " + type);
        }
        byte[] bytes;
        try {
            bytes = ctx.bodyAsBytes();
        } catch (HttpResponseException e) {
            // Javalin refuses a body beyond its size limit this way.
            throw new ApiError(e.getStatus(), "the body is larger than the server accepts ("
                    + MAX_BODY_BYTES / 1024 + " KiB)");
        }
        if (bytes.length == 0) {
            throw ApiError.badRequest("the body is empty; expected a JSON object");
        }
        Result<Json> parsed = JsonReader.parse(bytes);
        if (!parsed.isOk()) {
            throw ApiError.badRequest(parsed.problem().message().replaceFirst("^the payload", "the body"));
        }
        String problem = SchemaCheck.body(parsed.value(), route.body());
        if (problem != null) {
            throw ApiError.badRequest(problem);
        }
        return new Call.Body((Json.Obj) parsed.value());
    }

    private void succeed(Route route, Context ctx, @Nullable Object value) {
        metrics.count(route.operationId(), route.status());
        ctx.status(route.status());
        if (route.status() == 204) {
            return;
        }
        try {
            byte[] body = value instanceof RawJson raw ? raw.text().getBytes(StandardCharsets.UTF_8)
                    : mapper.writeValueAsBytes(value);
            ctx.contentType(JSON).result(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the answer of " + route.operationId(), e);
        }
    }

    private void fail(String operation, Context ctx, Throwable failure) {
        ApiError error;
        if (failure instanceof ApiError api) {
            error = api;
            LOG.debug("{} {}: {} {}", ctx.method(), ctx.path(), api.status(), api.getMessage());
        } else {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), failure);
            error = new ApiError(500, "the server failed to handle the request; its log says why");
        }
        metrics.count(operation, error.status());
        if (error.status() == 401) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"petrel\"");
        }
        ObjectNode body = mapper.createObjectNode();
        body.put("status", error.status());
        body.put("error", error.code());
        body.put("message", error.getMessage());
        ctx.status(error.status()).contentType(JSON).result(body.toString());
    }

    private void noRoute(Context ctx) {
        String path = ctx.path();
        List<String> allowed = new ArrayList<>();
        patterns.forEach((route, pattern) -> {
            if (pattern.matcher(path).matches() && !allowed.contains(route.method().name())) {
                allowed.add(route.method().name());
            }
        });
        if (allowed.isEmpty()) {
            fail(RestMetrics.NO_ROUTE, ctx, ApiError.notFound("no operation " + ctx.method() + " " + path
                    + "; the operations are listed in " + BASE + "/openapi.json"));
        } else {
            ctx.header("Allow", String.join(", ", allowed));
            fail(RestMetrics.NO_ROUTE, ctx, new ApiError(405, path + " takes " + String.join(", ", allowed) + ", not "
                    + ctx.method()));
        }
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
