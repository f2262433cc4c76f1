package io.petrel.cli.client;

/**
 * The exit codes of {@code petrel pub} and {@code petrel sub}. Scripts can tell a broker that is down from
 * one that said no.
 */
public final class ExitCodes {
    /** Everything was sent, or received, as asked. */
    public static final int OK = 0;
    /** An error not covered below, such as a lost connection. */
    public static final int ERROR = 1;
    /** Wrong flags or arguments. */
    public static final int USAGE = 2;
    /** The broker could not be reached: refused TCP connection, TLS failure, timeout while connecting. */
    public static final int UNREACHABLE = 3;
    /** The broker refused the connection in its CONNACK (bad credentials, not authorized, ...). */
    public static final int CONNECTION_REFUSED = 4;
    /** The broker refused a message or a subscription (an error reason code in PUBACK, PUBREC or SUBACK). */
    public static final int REJECTED = 5;
    /** {@code -W} passed before {@code -C} messages arrived; mosquitto_sub uses the same code. */
    public static final int TIMEOUT = 27;

    private ExitCodes() {
    }
}
