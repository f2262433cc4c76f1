package io.petrel.cli.client;

/**
 * Why a client command failed, in words a user reads (for example "connection refused: not authorized
 * (0x87)"), with the exit code that goes with it.
 */
public final class ClientFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    public ClientFailure(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
