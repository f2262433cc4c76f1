package io.petrel.server.rest.resources;

import static io.petrel.server.rest.schema.Field.optional;
import static io.petrel.server.rest.schema.Field.required;

import io.petrel.api.auth.TopicScope;
import io.petrel.api.topic.Topics;
import io.petrel.security.token.InvalidTokenException;
import io.petrel.security.token.OrgToken;
import io.petrel.security.token.TokenCodec;
import io.petrel.server.rest.ApiError;
import io.petrel.server.rest.Call;
import io.petrel.server.rest.Route;
import io.petrel.server.rest.schema.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Org tokens: signed, expiring credentials that applications send as their MQTT user name to subscribe to an
 * organization's streaming namespace ({@code device/+/telemetry/#}, {@code device/+/status}) and whatever else
 * their scope allows. Revoking one ends the connections that use it.
 */
final class OrgTokenRoutes {
    private static final String TAG = "Org tokens";
    private static final long DEFAULT_TTL_SECONDS = 30L * 24 * 3600;
    private static final long MAX_TTL_SECONDS = 10L * 365 * 24 * 3600;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Schema FILTERS = new Schema.Arr(Schema.text(65_535), 100);
    private static final Schema REQUEST = Schema.named("OrgTokenRequest", "An org token to issue.", Schema.object(
            optional("subject", Schema.text(255), "Who the token is for: its principal's name; 'app' by default."),
            optional("subscribe", FILTERS, "Topic filters it may subscribe to, such as device/+/telemetry/#."),
            optional("publish", FILTERS, "Topic filters it may publish to."),
            optional("ttlSeconds", Schema.integer(1, MAX_TTL_SECONDS), "How long it is valid, in seconds; 30 "
                    + "days by default."),
            optional("operator", Schema.bool(), "Whether it may reach every organization; only operator-wide "
                    + "callers may issue such a token.")));
    private static final Schema TOKEN = Schema.named("OrgToken", "An issued org token.", Schema.object(
            required("id", Schema.string(), "The token's id, by which it is revoked."),
            required("token", Schema.string(), "The token: the MQTT user name to connect with."),
            required("organization", Schema.string(), "Its organization."),
            required("subject", Schema.string(), "Who it is for."),
            required("subscribe", Schema.array(Schema.string()), "The filters it may subscribe to."),
            required("publish", Schema.array(Schema.string()), "The filters it may publish to."),
            required("operator", Schema.bool(), "Whether it may reach every organization."),
            required("issuedAt", Schema.epochMillis(), "When it was issued, in epoch milliseconds."),
            required("expiresAt", Schema.epochMillis(), "When it expires, in epoch milliseconds.")));

    record TokenView(String id, String token, String organization, String subject, List<String> subscribe,
            List<String> publish, boolean operator, long issuedAt, long expiresAt) {
    }

    private OrgTokenRoutes() {
    }

    static List<Route> routes(RestContext rest) {
        return List.of(
                Route.post("/api/v1/organizations/{org}/tokens").doc("issueOrgToken", TAG,
                                "Issue an org token for applications of an organization.")
                        .body(REQUEST).created(TOKEN).errors(409).handle(call -> issue(rest, call)),
                Route.delete("/api/v1/organizations/{org}/tokens/{tokenId}").doc("revokeOrgToken", TAG,
                                "Revoke an org token: it is refused from now on, and connections using it end. "
                                        + "{tokenId} is the token itself, or, for operator-wide callers only, its "
                                        + "id. Revoking twice is no error.")
                        .noContent().errors(409).handle(call -> revoke(rest, call)));
    }

    private static TokenView issue(RestContext rest, Call call) {
        String org = rest.organization(call);
        TokenCodec codec = codec(rest);
        Call.Body body = call.body();
        boolean operator = body.optBool("operator", false);
        if (operator) {
            call.requireOperator("issue operator tokens");
        }
        List<String> subscribe = filters(body, "subscribe");
        List<String> publish = filters(body, "publish");
        Long ttl = body.optLong("ttlSeconds");
        Instant now = rest.clock().instant();
        String subject = body.optString("subject");
        OrgToken token = new OrgToken(TokenCodec.newId(), subject == null ? "app" : subject, org,
                new TopicScope(publish, subscribe), operator, now, now.plusSeconds(ttl == null ? DEFAULT_TTL_SECONDS
                        : ttl));
        return new TokenView(token.id(), codec.sign(token), org, token.subject(), subscribe, publish, operator,
                now.toEpochMilli(), token.expiresAt().toEpochMilli());
    }

    /**
     * A token's id says nothing of its organization, so only an operator-wide caller may revoke by id. A caller
     * of one organization names the token itself, whose signed claims prove it belongs to that organization;
     * its expiry then lets the entry leave the revocation list once the token could no longer be used anyway.
     */
    private static @Nullable Object revoke(RestContext rest, Call call) {
        String org = rest.organization(call);
        TokenCodec codec = codec(rest);
        String named = call.path("tokenId");
        String id;
        Instant expiresAt = null;
        if (TokenCodec.looksLikeToken(named)) {
            OrgToken token;
            try {
                token = codec.verify(named);
            } catch (InvalidTokenException e) {
                throw ApiError.badRequest("not an org token of this server: " + e.getMessage());
            }
            if (!token.organization().equals(org)) {
                throw ApiError.notFound("organization '" + org + "' has no such token");
            }
            id = token.id();
            expiresAt = token.expiresAt();
        } else {
            call.requireOperator("revoke an org token by its id; name the token itself instead");
            if (!ID.matcher(named).matches()) {
                throw ApiError.badRequest("a token id is 1 to 64 letters, digits, '-' or '_'");
            }
            id = named;
        }
        try {
            rest.security().revoke(id, expiresAt);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the revocation list", e);
        }
        return null;
    }

    private static TokenCodec codec(RestContext rest) {
        TokenCodec codec = rest.security().tokens();
        if (codec == null) {
            throw ApiError.conflict("org tokens are turned off on this server (auth.tokens.enabled: false)");
        }
        return codec;
    }

    private static List<String> filters(Call.Body body, String name) {
        List<String> filters = body.optStrings(name);
        if (filters == null) {
            return List.of();
        }
        for (int i = 0; i < filters.size(); i++) {
            if (!Topics.isValidFilter(filters.get(i))) {
                throw ApiError.badRequest("field '" + name + "[" + i + "]' is not a valid topic filter: '"
                        + filters.get(i) + "'");
            }
        }
        return filters;
    }
}
