package io.petrel.api;

import java.util.Objects;

/**
 * An authenticated identity and the organization it belongs to.
 *
 * @param name the identity's name: a user name, a token id, a device name, or {@code anonymous}
 * @param organization the organization whose topic space the identity lives in
 */
public record Principal(String name, String organization) {
    /** The organization of a single-tenant install. */
    public static final String DEFAULT_ORGANIZATION = "default";

    /** The identity of a client that connected without credentials where that is allowed. */
    public static final Principal ANONYMOUS = new Principal("anonymous", DEFAULT_ORGANIZATION);

    public Principal {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(organization, "organization");
    }
}
