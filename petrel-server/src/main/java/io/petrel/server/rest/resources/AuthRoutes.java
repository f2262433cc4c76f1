package io.petrel.server.rest.resources;

import static io.petrel.server.rest.schema.Field.optional;
import static io.petrel.server.rest.schema.Field.required;

import io.petrel.server.rest.Access;
import io.petrel.server.rest.ApiError;
import io.petrel.server.rest.Call;
import io.petrel.server.rest.Route;
import io.petrel.server.rest.auth.Caller;
import io.petrel.server.rest.auth.LoginSessions;
import io.petrel.server.rest.schema.Schema;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Admin login and logout, and who the caller is. */
final class AuthRoutes {
    private static final String TAG = "Authentication";
    private static final Schema LOGIN = Schema.named("Login", "An admin's credentials.", Schema.object(
            required("username", Schema.text(1024), "The admin's user name."),
            required("password", Schema.text(1024), "The admin's password.")));
    private static final Schema SESSION = Schema.named("Session", "A logged-in admin's session.", Schema.object(
            required("token", Schema.string(), "The session token: send it as Authorization: Bearer <token>."),
            required("expiresAt", Schema.epochMillis(), "When the token expires, in epoch milliseconds."),
            required("user", Schema.string(), "The admin."),
            optional("organization", Schema.string(),
                    "The organization the admin acts in; absent for an admin of every organization.")));
    private static final Schema CALLER = Schema.named("Caller", "Who is calling.", Schema.object(
            required("name", Schema.string(), "The admin's user name, or the API key's id."),
            required("kind", Schema.string().oneOf("admin", "api_key"), "How the caller authenticated."),
            optional("organization", Schema.string(),
                    "The organization the caller acts in; absent for a caller of every organization.")));

    record SessionView(String token, long expiresAt, String user, @Nullable String organization) {
    }

    record CallerView(String name, String kind, @Nullable String organization) {
    }

    private AuthRoutes() {
    }

    static List<Route> routes(RestContext rest) {
        return List.of(
                Route.post("/api/v1/auth/login").doc("login", TAG,
                                "Log an admin in; the answer's token authenticates the next calls.")
                        .access(Access.PUBLIC).body(LOGIN).ok(SESSION).errors(401, 429)
                        .handle(call -> login(rest, call)),
                Route.post("/api/v1/auth/logout").doc("logout", TAG, "End the session of the token sent.")
                        .noContent().handle(call -> logout(rest, call)),
                Route.get("/api/v1/auth/me").doc("whoAmI", TAG, "Who the credentials sent belong to.")
                        .ok(CALLER).handle(AuthRoutes::me));
    }

    private static SessionView login(RestContext rest, Call call) {
        String user = call.body().string("username");
        byte[] password = call.body().string("password").getBytes(StandardCharsets.UTF_8);
        Caller admin = rest.admins().login(user, password, call.remoteAddress())
                .orElseThrow(() -> ApiError.unauthorized("wrong user name or password"));
        LoginSessions.Issued issued = rest.sessions().start(admin);
        return new SessionView(issued.token(), issued.expiresAtMillis(), admin.name(), admin.organization());
    }

    private static @Nullable Object logout(RestContext rest, Call call) {
        String authorization = call.header("Authorization");
        String token = authorization == null ? "" : authorization.strip().replaceFirst("(?i)^bearer\\s+", "");
        if (!token.startsWith(LoginSessions.PREFIX) || !rest.sessions().end(token)) {
            throw ApiError.badRequest("log out with the session token to end: Authorization: Bearer <token>");
        }
        return null;
    }

    private static CallerView me(Call call) {
        Caller caller = call.caller();
        return new CallerView(caller.name(), caller.kind().name().toLowerCase(Locale.ROOT), caller.organization());
    }
}
