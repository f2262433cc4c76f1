package io.petrel.server.rest.auth;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Who is calling the REST API.
 *
 * @param name the admin's user name, or the API key's id
 * @param kind how the caller proved who it is
 * @param organization the organization the caller may act in, or null for every organization
 */
public record Caller(String name, Kind kind, @Nullable String organization) {
    /** How a caller proved who it is. */
    public enum Kind {
        /** A user name and password, directly or through a session token. */
        ADMIN,
        /** An API key. */
        API_KEY,
        /** No credentials, on the routes that need none. */
        NONE
    }

    /** The caller of a public route, who may act in no organization. */
    public static final Caller NOBODY = new Caller("nobody", Kind.NONE, "");

    public Caller {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }

    /** Whether the caller may act in every organization. */
    public boolean operatorWide() {
        return organization == null;
    }

    /** Whether the caller may act in an organization. */
    public boolean mayActIn(String org) {
        return organization == null || organization.equals(org);
    }
}
