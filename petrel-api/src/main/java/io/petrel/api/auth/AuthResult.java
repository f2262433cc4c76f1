package io.petrel.api.auth;

import io.petrel.api.Principal;

/** The outcome of authenticating a CONNECT: accepted as a principal, or refused for a reason. */
public sealed interface AuthResult {

    /** Accepts the connection as the given principal. */
    static AuthResult accept(Principal principal) {
        return new Accepted(principal);
    }

    /** Refuses the connection. */
    static AuthResult refuse(Refusal reason, String message) {
        return new Refused(reason, message);
    }

    /**
     * The client may connect.
     *
     * @param principal who the client is
     */
    record Accepted(Principal principal) implements AuthResult {
    }

    /**
     * The client may not connect.
     *
     * @param reason why, which decides the CONNACK code
     * @param message a description for logs
     */
    record Refused(Refusal reason, String message) implements AuthResult {
    }

    /** Why a connection was refused. Each maps to one CONNACK code of each protocol version. */
    enum Refusal {
        /** The user name or password is wrong, or required and missing. */
        BAD_CREDENTIALS,
        /** The credentials are valid but not allowed to connect. */
        NOT_AUTHORIZED,
        /** The authentication back end could not answer. */
        SERVER_UNAVAILABLE
    }
}
