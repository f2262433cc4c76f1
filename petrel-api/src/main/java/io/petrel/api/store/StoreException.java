package io.petrel.api.store;

/**
 * A store could not be opened, read or written. The message says what happened and, where the operator can
 * act, what to do: a schema newer than this Petrel knows, a data directory in use by another process, a
 * database that cannot be reached.
 */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
