package io.petrel.mqtt.transport.tls;

/**
 * A TLS configuration that cannot be loaded: a missing or unreadable file, a key that does not match its
 * certificate, a wrong password, or ciphers the provider does not know. The message names the file and the
 * cause, for an operator to act on.
 */
public final class TlsSetupException extends Exception {
    private static final long serialVersionUID = 1L;

    public TlsSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
