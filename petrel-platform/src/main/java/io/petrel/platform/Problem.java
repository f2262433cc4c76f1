package io.petrel.platform;

import java.util.Objects;

/**
 * What is wrong with a request, in words fit for the client that sent it: the reason string of a PUBACK
 * 0x99, or the body of a REST 4xx. The kind tells a REST API which status to answer with.
 *
 * @param message the description
 * @param kind what sort of problem it is
 */
public record Problem(String message, Kind kind) {
    /** What sort of problem it is. */
    public enum Kind {
        /** The request itself is wrong: a bad value, a missing field. */
        INVALID,
        /** Something the request names does not exist. */
        NOT_FOUND,
        /** The request clashes with what exists: a name or key already taken, a record still in use. */
        CONFLICT
    }

    public Problem {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(kind, "kind");
    }

    /** A problem with the request itself. */
    public Problem(String message) {
        this(message, Kind.INVALID);
    }

    public static Problem of(String format, Object... args) {
        return new Problem(format(format, args));
    }

    /** Something the request names does not exist. */
    public static Problem notFound(String format, Object... args) {
        return new Problem(format(format, args), Kind.NOT_FOUND);
    }

    /** The request clashes with what exists. */
    public static Problem conflict(String format, Object... args) {
        return new Problem(format(format, args), Kind.CONFLICT);
    }

    private static String format(String format, Object... args) {
        return args.length == 0 ? format : String.format(format, args);
    }
}
