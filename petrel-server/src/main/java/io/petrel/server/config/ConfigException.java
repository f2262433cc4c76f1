package io.petrel.server.config;

/**
 * A configuration mistake: names the key, the value and what is allowed. It is a user's error, so it is
 * reported as one message without a stack trace.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message, null, false, false);
    }

    /** A bad value for a key. */
    static ConfigException badValue(String key, String value, String allowed) {
        return new ConfigException("invalid value for " + key + ": \"" + value + "\" (allowed: " + allowed + ")");
    }
}
