package io.petrel.engine.session;

/** Why the engine ends a client's connection. The transport maps each to its MQTT 5 reason code. */
public enum DisconnectCause {
    /** Another connection with the same client id took the session over. */
    SESSION_TAKEN_OVER,
    /** The server is shutting down. */
    SERVER_SHUTTING_DOWN,
    /** An operator, or a change to the client's credentials, ended the connection. */
    ADMINISTRATIVE_ACTION
}
