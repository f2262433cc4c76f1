package io.petrel.server.rest;

import io.javalin.http.Context;
import io.petrel.platform.json.Json;
import io.petrel.server.rest.auth.Caller;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One call of a route, after its caller, parameters and body passed the route's checks: handlers read what
 * they need from here without checking it again.
 */
public final class Call {
    private final Context ctx;
    private final Caller caller;
    private final @Nullable Body body;

    Call(Context ctx, Caller caller, @Nullable Body body) {
        this.ctx = ctx;
        this.caller = caller;
        this.body = body;
    }

    public Caller caller() {
        return caller;
    }

    /** The client's address, as its HTTP connection shows it. */
    public InetAddress remoteAddress() {
        return remoteAddress(ctx);
    }

    static InetAddress remoteAddress(Context ctx) {
        try {
            // A literal address, which is parsed and never looked up.
            return InetAddress.getByName(ctx.req().getRemoteAddr());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("the HTTP server gave no client address: " + e.getMessage(), e);
        }
    }

    /** A path parameter. */
    public String path(String name) {
        return ctx.pathParam(name);
    }

    /** A path parameter that its route declares a UUID. */
    public UUID uuid(String name) {
        return UUID.fromString(ctx.pathParam(name));
    }

    /** A query parameter, or null when absent. */
    public @Nullable String query(String name) {
        return ctx.queryParam(name);
    }

    /** A whole-number query parameter, or a default when absent. */
    public long queryLong(String name, long defaultValue) {
        String value = ctx.queryParam(name);
        return value == null ? defaultValue : Long.parseLong(value);
    }

    /** A required whole-number query parameter. */
    public long queryLong(String name) {
        return Long.parseLong(ctx.queryParam(name));
    }

    /**
     * A comma-separated list of keys in a query parameter, without repeats, or null when absent.
     *
     * @throws ApiError 400 if it names no key, or more than {@code max}
     */
    public @Nullable List<String> queryKeys(String name, int max) {
        String value = ctx.queryParam(name);
        if (value == null) {
            return null;
        }
        List<String> keys = Arrays.stream(value.split(",")).filter(item -> !item.isEmpty()).distinct().toList();
        if (keys.isEmpty()) {
            throw ApiError.badRequest("query parameter '" + name + "' names no key");
        }
        if (keys.size() > max) {
            throw ApiError.badRequest("query parameter '" + name + "' names more than " + max + " keys");
        }
        return keys;
    }

    /** The request body, which the route declares. */
    public Body body() {
        if (body == null) {
            throw new IllegalStateException("the route takes no body");
        }
        return body;
    }

    /** A request header, or null. */
    public @Nullable String header(String name) {
        return ctx.header(name);
    }

    /** Fails with 403 unless the caller may act in the organization. */
    public void requireOrganization(String organization) {
        if (!caller.mayActIn(organization)) {
            throw ApiError.forbidden("this " + describe(caller) + " may act in organization '"
                    + caller.organization() + "' only");
        }
    }

    /** Fails with 403 unless the caller may act in every organization. */
    public void requireOperator(String what) {
        if (!caller.operatorWide()) {
            throw ApiError.forbidden("only an operator-wide admin or API key may " + what);
        }
    }

    private static String describe(Caller caller) {
        return caller.kind() == Caller.Kind.API_KEY ? "API key" : "admin";
    }

    /** A checked JSON object body. */
    public static final class Body {
        private final Json.Obj json;

        Body(Json.Obj json) {
            this.json = json;
        }

        /** The members as parsed, for bodies that are maps of key-values. */
        public Json.Obj json() {
            return json;
        }

        /** A member, or null when absent or null. */
        public @Nullable Json get(String name) {
            Json value = json.members().get(name);
            return value instanceof Json.Null ? null : value;
        }

        public boolean has(String name) {
            return get(name) != null;
        }

        /** A required string member. */
        public String string(String name) {
            return ((Json.Str) json.members().get(name)).value();
        }

        public @Nullable String optString(String name) {
            return get(name) instanceof Json.Str str ? str.value() : null;
        }

        public @Nullable Long optLong(String name) {
            return get(name) instanceof Json.Num num ? Long.parseLong(num.literal()) : null;
        }

        public boolean optBool(String name, boolean defaultValue) {
            return get(name) instanceof Json.Bool bool ? bool.value() : defaultValue;
        }

        /** A member that is an object, as a body of its own, or null. */
        public @Nullable Body optObject(String name) {
            return get(name) instanceof Json.Obj obj ? new Body(obj) : null;
        }

        /** A member that is an array of strings, or null. */
        public @Nullable List<String> optStrings(String name) {
            if (!(get(name) instanceof Json.Arr arr)) {
                return null;
            }
            return arr.items().stream().map(item -> ((Json.Str) item).value()).toList();
        }
    }
}
