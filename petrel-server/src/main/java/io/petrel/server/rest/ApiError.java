package io.petrel.server.rest;

import io.petrel.platform.Problem;
import io.petrel.platform.Result;
import java.util.Objects;

/**
 * A request the API refuses, with the HTTP status and the sentence the client reads. Handlers throw it; the
 * API writes it as {@code {"status": 400, "error": "bad_request", "message": "..."}} and counts it.
 */
public final class ApiError extends RuntimeException {
    private final int status;

    public ApiError(int status, String message) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** The short, stable name of the status that clients may branch on. */
    public String code() {
        return code(status);
    }

    /** The short name of an error status. */
    public static String code(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 409 -> "conflict";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            case 429 -> "too_many_requests";
            case 502 -> "bad_gateway";
            case 504 -> "gateway_timeout";
            default -> status >= 500 ? "internal_error" : "error";
        };
    }

    public static ApiError badRequest(String message) {
        return new ApiError(400, message);
    }

    public static ApiError unauthorized(String message) {
        return new ApiError(401, message);
    }

    public static ApiError forbidden(String message) {
        return new ApiError(403, message);
    }

    public static ApiError notFound(String message) {
        return new ApiError(404, message);
    }

    public static ApiError conflict(String message) {
        return new ApiError(409, message);
    }

    /** The value of a platform result, or the error for its problem. */
    public static <T> T check(Result<T> result) {
        if (!result.isOk()) {
            throw of(result.problem());
        }
        return result.value();
    }

    /** The error for a platform's problem: 400, 404 or 409 by its kind. */
    public static ApiError of(Problem problem) {
        return switch (problem.kind()) {
            case INVALID -> badRequest(problem.message());
            case NOT_FOUND -> notFound(problem.message());
            case CONFLICT -> conflict(problem.message());
        };
    }
}
