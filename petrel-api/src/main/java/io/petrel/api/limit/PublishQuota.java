package io.petrel.api.limit;

/**
 * One client's allowance of inbound PUBLISH packets. It is asked on the hot path, on the client's event
 * loop, so implementations answer without blocking and without global locks.
 */
@FunctionalInterface
public interface PublishQuota {
    /** No limit. */
    PublishQuota UNLIMITED = bytes -> true;

    /**
     * Takes one message of the given payload size from the allowance.
     *
     * @return false if the client is over its rate; nothing is taken then
     */
    boolean tryAcquire(int payloadBytes);

    /**
     * Takes one message from the allowance even beyond the rate, for throttling rather than refusing.
     *
     * @return 0 within the rate, else how long, in nanoseconds, the client should be kept waiting so that it
     *     is back within its rate
     */
    default long acquireOrPause(int payloadBytes) {
        tryAcquire(payloadBytes);
        return 0;
    }
}
