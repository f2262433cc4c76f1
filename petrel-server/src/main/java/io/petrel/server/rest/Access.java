package io.petrel.server.rest;

/** Who may call a route. */
public enum Access {
    /** Anyone, without credentials: the login and the OpenAPI document. */
    PUBLIC,
    /** Any admin or API key; the route itself checks the organization it acts in. */
    AUTHENTICATED,
    /** Only callers that may act in every organization. */
    OPERATOR
}
