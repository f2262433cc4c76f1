package io.petrel.api.auth;

import io.petrel.api.Principal;

/**
 * The outcome of authenticating a CONNECT: accepted as a principal, refused for a reason, or, from one
 * authenticator of a chain, not recognised so that the next one decides.
 */
public sealed interface AuthResult {
    /** The answer of an authenticator that does not handle these credentials. */
    AuthResult ABSTAIN = new Abstained();

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

    /**
     * The authenticator does not recognise the credentials; the next one in the chain decides. The broker
     * treats an abstention that reaches it as bad credentials.
     */
    record Abstained() implements AuthResult {
    }

    /** Why a connection was refused. Each maps to one CONNACK code of each protocol version. */
    enum Refusal {
        /** The user name or password is wrong, or required and missing. */
        BAD_CREDENTIALS,
        /**
         * Without a user name, the client id was the only credential, and nothing knows it: a device whose
         * MQTT basic credentials are its client id alone (device-api.md §1.5).
         */
        IDENTIFIER_REJECTED,
        /** The credentials are valid but not allowed to connect, or were revoked. */
        NOT_AUTHORIZED,
        /** The authentication back end could not answer. */
        SERVER_UNAVAILABLE,
        /** The client's address connects too often, or is backing off after failed logins. */
        RATE_LIMITED,
        /** A connection limit (global, per organization or per user) is reached. */
        QUOTA_EXCEEDED
    }
}
