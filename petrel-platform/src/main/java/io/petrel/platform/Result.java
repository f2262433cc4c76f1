package io.petrel.platform;

import java.util.function.Function;

/**
 * A value, or the problem that prevented it. Parsers and validators return one instead of throwing, so that
 * bad input from a device or a REST client never escapes as an exception.
 *
 * @param <T> the type of the value
 */
public sealed interface Result<T> {

    static <T> Result<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Result<T> fail(Problem problem) {
        return new Failed<>(problem);
    }

    static <T> Result<T> fail(String format, Object... args) {
        return new Failed<>(Problem.of(format, args));
    }

    /** A failure because something the request names does not exist. */
    static <T> Result<T> notFound(String format, Object... args) {
        return new Failed<>(Problem.notFound(format, args));
    }

    /** A failure because the request clashes with what exists. */
    static <T> Result<T> conflict(String format, Object... args) {
        return new Failed<>(Problem.conflict(format, args));
    }

    /** Whether there is a value. */
    default boolean isOk() {
        return this instanceof Ok;
    }

    /**
     * The value.
     *
     * @throws IllegalStateException if there is a problem instead
     */
    default T value() {
        if (this instanceof Ok<T> ok) {
            return ok.value();
        }
        throw new IllegalStateException("no value: " + problem().message());
    }

    /**
     * The problem.
     *
     * @throws IllegalStateException if there is a value instead
     */
    default Problem problem() {
        if (this instanceof Failed<T> failed) {
            return failed.problem();
        }
        throw new IllegalStateException("no problem");
    }

    /** The value transformed, or the same problem. */
    default <R> Result<R> map(Function<? super T, ? extends R> mapper) {
        return switch (this) {
            case Ok<T> ok -> Result.ok(mapper.apply(ok.value()));
            case Failed<T> failed -> Result.fail(failed.problem());
        };
    }

    /** The result of a further step that needs the value, or the same problem. */
    default <R> Result<R> then(Function<? super T, Result<R>> next) {
        return switch (this) {
            case Ok<T> ok -> next.apply(ok.value());
            case Failed<T> failed -> Result.fail(failed.problem());
        };
    }

    /** A value. */
    record Ok<T>(T value) implements Result<T> {
    }

    /** A problem. */
    record Failed<T>(Problem problem) implements Result<T> {
    }
}
