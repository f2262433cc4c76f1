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
}
