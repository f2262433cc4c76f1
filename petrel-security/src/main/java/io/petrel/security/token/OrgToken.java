package io.petrel.security.token;

import io.petrel.api.Principal;
import io.petrel.api.auth.TopicScope;
import io.petrel.api.topic.Namespace;
import java.time.Instant;
import java.util.Objects;

/**
 * What an org token says.
 *
 * @param id the token's unique id ({@code jti}), by which it is revoked
 * @param subject who the token was issued to ({@code sub}); the principal's name
 * @param organization the organization the token belongs to
 * @param scope the filters the token allows for publishing and subscribing
 * @param operator whether the token may reach every organization
 * @param issuedAt when it was issued
 * @param expiresAt when it expires
 */
public record OrgToken(String id, String subject, String organization, TopicScope scope, boolean operator,
        Instant issuedAt, Instant expiresAt) {

    public OrgToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subject, "subject");
        Namespace.requireValidName(organization);
        Objects.requireNonNull(scope, "scope");
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("a token must expire after it is issued");
        }
    }

    /** The identity a client that presents this token connects as. */
    public Principal principal() {
        return new Principal(subject, organization, operator, scope, id, expiresAt.toEpochMilli());
    }
}
