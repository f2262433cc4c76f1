package io.petrel.server.rest.auth;

import io.petrel.server.rest.ApiError;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Finds the caller of a request from its headers: {@code Authorization: Bearer} with a session token or an API
 * key, {@code X-API-Key} with an API key, or {@code Authorization: Basic} with an admin's user name and
 * password. Anything else is a 401 that says what was wrong.
 */
public final class Authentication {
    /** The header that may carry an API key. */
    public static final String API_KEY_HEADER = "X-API-Key";

    private final AdminLogins admins;
    private final LoginSessions sessions;
    private final ApiKeys keys;

    public Authentication(AdminLogins admins, LoginSessions sessions, ApiKeys keys) {
        this.admins = admins;
        this.sessions = sessions;
        this.keys = keys;
    }

    /**
     * The caller of a request.
     *
     * @param from the client's address, for the back-off after failed admin logins
     * @throws ApiError 401 if the request carries no credentials or wrong ones; 429 while its address backs off
     */
    public Caller authenticate(@Nullable String authorization, @Nullable String apiKey, InetAddress from) {
        if (apiKey != null) {
            return keys.verify(apiKey.strip()).orElseThrow(() -> ApiError.unauthorized("unknown API key"));
        }
        if (authorization == null || authorization.isBlank()) {
            throw ApiError.unauthorized("authentication required: send Authorization: Bearer <session token or API "
                    + "key>, X-API-Key: <API key>, or Authorization: Basic with an admin's user name and password");
        }
        String[] parts = authorization.strip().split("\\s+", 2);
        String scheme = parts[0].toLowerCase(Locale.ROOT);
        String credentials = parts.length > 1 ? parts[1].strip() : "";
        return switch (scheme) {
            case "bearer" -> bearer(credentials);
            case "basic" -> basic(credentials, from);
            default -> throw ApiError.unauthorized("unsupported authorization scheme '" + parts[0]
                    + "'; use Bearer or Basic");
        };
    }

    private Caller bearer(String token) {
        if (token.startsWith(ApiKeys.PREFIX)) {
            return keys.verify(token).orElseThrow(() -> ApiError.unauthorized("unknown API key"));
        }
        return sessions.find(token).orElseThrow(() ->
                ApiError.unauthorized("unknown or expired session token; log in again"));
    }

    private Caller basic(String encoded, InetAddress from) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiError.unauthorized("Basic credentials must be base64 of user:password");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw ApiError.unauthorized("Basic credentials must be base64 of user:password");
        }
        Optional<Caller> admin = admins.login(decoded.substring(0, colon),
                decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8), from);
        return admin.orElseThrow(() -> ApiError.unauthorized("wrong user name or password"));
    }
}
