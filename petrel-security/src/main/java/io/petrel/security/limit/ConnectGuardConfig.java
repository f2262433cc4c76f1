package io.petrel.security.limit;

import java.time.Duration;

/**
 * How often one address may try to connect, and how it backs off after failed logins.
 *
 * @param connectsPerSecond CONNECTs accepted per second from one address, with a burst of twice that; 0 for
 *     no limit
 * @param failuresBeforeBackoff failed logins from one address before it must wait; 0 turns back-off off
 * @param initialBackoff the first wait, doubled by every further failure
 * @param maxBackoff the longest wait
 * @param exemptLoopback whether loopback addresses are never limited (local tools, benchmarks, health checks)
 * @param maxTrackedAddresses how many addresses are remembered at once; beyond it new ones are not limited
 */
public record ConnectGuardConfig(int connectsPerSecond, int failuresBeforeBackoff, Duration initialBackoff,
        Duration maxBackoff, boolean exemptLoopback, int maxTrackedAddresses) {

    /** Defaults: 20 connects/s, back-off after 5 failures from 1 s up to 5 min, loopback exempt. */
    public static ConnectGuardConfig defaults() {
        return new ConnectGuardConfig(20, 5, Duration.ofSeconds(1), Duration.ofMinutes(5), true, 100_000);
    }
}
