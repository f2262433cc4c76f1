package io.petrel.server;

/**
 * The server could not start for a reason an operator can fix: a port already in use, an address that is not
 * this machine's, a certificate that does not load, a data directory another server holds, a store written by
 * a newer Petrel. The message says which and why.
 */
public final class ServerStartException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ServerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
