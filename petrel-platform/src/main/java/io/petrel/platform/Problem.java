package io.petrel.platform;

import java.util.Objects;

/**
 * What is wrong with a request, in words fit for the client that sent it: the reason string of a PUBACK
 * 0x99, or the body of a REST 400.
 *
 * @param message the description
 */
public record Problem(String message) {
    public Problem {
        Objects.requireNonNull(message, "message");
    }

    public static Problem of(String format, Object... args) {
        return new Problem(args.length == 0 ? format : String.format(format, args));
    }
}
