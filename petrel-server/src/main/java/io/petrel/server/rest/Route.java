package io.petrel.server.rest;

import io.javalin.http.HandlerType;
import io.petrel.server.rest.schema.Param;
import io.petrel.server.rest.schema.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * One operation of the REST API: what it is, who may call it, what it takes and answers, and the handler.
 * The API serves it and the OpenAPI document describes it from this one record.
 *
 * @param method the HTTP method
 * @param path the path, with {@code {name}} for path parameters
 * @param operationId the operation's unique name in the document
 * @param tag the group it belongs to in the document
 * @param summary one line on what it does
 * @param access who may call it
 * @param query the query parameters it accepts; others are refused
 * @param body the shape of the request body, or null when it takes none
 * @param status the status of success
 * @param response the shape of the answer, or null for none (204)
 * @param errors the error statuses it may answer besides those the document adds from the rest of the route
 *     (400; 401 and 403 unless public; 404 with path parameters; 415 with a body)
 * @param handler what it does
 */
public record Route(HandlerType method, String path, String operationId, String tag, String summary, Access access,
        List<Param> query, @Nullable Schema body, int status, @Nullable Schema response, Set<Integer> errors,
        Handler handler) {

    public Route {
        query = List.copyOf(query);
        errors = Set.copyOf(errors);
    }

    /** Does the work of a call. */
    @FunctionalInterface
    public interface Handler {
        /**
         * Handles a call that passed the checks of its route.
         *
         * @return the response body (a record, a map, a list, a Jackson node or {@link RawJson}), null for none,
         *     or a stage that completes with one
         * @throws ApiError to refuse the call
         */
        @Nullable Object handle(Call call);
    }

    /** The names of the path parameters, in order. */
    public List<String> pathParams() {
        List<String> names = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (segment.startsWith("{") && segment.endsWith("}")) {
                names.add(segment.substring(1, segment.length() - 1));
            }
        }
        return names;
    }

    public static Builder get(String path) {
        return new Builder(HandlerType.GET, path);
    }

    public static Builder post(String path) {
        return new Builder(HandlerType.POST, path);
    }

    public static Builder put(String path) {
        return new Builder(HandlerType.PUT, path);
    }

    public static Builder patch(String path) {
        return new Builder(HandlerType.PATCH, path);
    }

    public static Builder delete(String path) {
        return new Builder(HandlerType.DELETE, path);
    }

    /** Builds a route; {@link #handle} ends it. */
    public static final class Builder {
        private final HandlerType method;
        private final String path;
        private String operationId = "";
        private String tag = "";
        private String summary = "";
        private Access access = Access.AUTHENTICATED;
        private final List<Param> query = new ArrayList<>();
        private @Nullable Schema body;
        private int status = 200;
        private @Nullable Schema response;
        private final Set<Integer> errors = new TreeSet<>();

        private Builder(HandlerType method, String path) {
            this.method = method;
            this.path = path;
        }

        /** The operation's id, its group and its summary. */
        public Builder doc(String id, String group, String text) {
            this.operationId = id;
            this.tag = group;
            this.summary = text;
            return this;
        }

        public Builder access(Access value) {
            this.access = value;
            return this;
        }

        public Builder query(Param... params) {
            query.addAll(Arrays.asList(params));
            return this;
        }

        public Builder body(Schema schema) {
            this.body = schema;
            return this;
        }

        /** Success is 200 with this body. */
        public Builder ok(Schema schema) {
            return answer(200, schema);
        }

        /** Success is 201 with this body. */
        public Builder created(Schema schema) {
            return answer(201, schema);
        }

        /** Success is 204 without a body. */
        public Builder noContent() {
            this.status = 204;
            this.response = null;
            return this;
        }

        private Builder answer(int code, Schema schema) {
            this.status = code;
            this.response = schema;
            return this;
        }

        /** Error statuses the route may answer besides 400, 401 and 403. */
        public Builder errors(Integer... statuses) {
            errors.addAll(Arrays.asList(statuses));
            return this;
        }

        public Route handle(Handler handler) {
            Objects.requireNonNull(handler, "handler");
            if (operationId.isEmpty()) {
                throw new IllegalStateException("a route needs an operation id: " + method + " " + path);
            }
            return new Route(method, path, operationId, tag, summary, access, query, body, status, response, errors,
                    handler);
        }
    }
}
