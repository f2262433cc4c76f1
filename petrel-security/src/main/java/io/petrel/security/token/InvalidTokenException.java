package io.petrel.security.token;

/** A string that is not a valid org token for this server. */
public final class InvalidTokenException extends Exception {
    public InvalidTokenException(String message) {
        super(message);
    }
}
