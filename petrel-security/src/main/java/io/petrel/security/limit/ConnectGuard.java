package io.petrel.security.limit;

import io.github.bucket4j.Bucket;
import io.petrel.api.auth.AuthResult;
import io.petrel.api.auth.Authenticator;
import io.petrel.api.auth.ConnectAttempt;
import io.petrel.security.SecurityMetrics;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in front of the authenticator chain and protects it per client address: a token bucket limits how
 * often an address may connect, and failed logins make the address wait before its next attempt, the wait
 * doubling with each further failure (brute-force protection). A waiting address is refused with "connection
 * rate exceeded" before its credentials are even looked at, so guessing gains nothing. A successful login
 * clears the address's failures.
 *
 * <p>IPv6 addresses are grouped by /64, which one host usually owns whole. The table of addresses is bounded
 * and swept of idle entries by {@link #sweep()}.
 */
public final class ConnectGuard implements Authenticator {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectGuard.class);
    private static final long IDLE_MILLIS = Duration.ofMinutes(10).toMillis();

    private final Authenticator next;
    private final ConnectGuardConfig config;
    private final InstantSource clock;
    private final SecurityMetrics metrics;
    private final ConcurrentHashMap<String, AddressState> addresses = new ConcurrentHashMap<>();

    public ConnectGuard(Authenticator next, ConnectGuardConfig config, InstantSource clock, SecurityMetrics metrics) {
        this.next = next;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
        metrics.gauge("connect_guard_addresses", addresses::size);
        metrics.gauge("connect_guard_backing_off", this::backingOff);
    }

    @Override
    public CompletionStage<AuthResult> authenticate(ConnectAttempt attempt) {
        InetAddress address = attempt.remoteAddress().getAddress();
        if (address == null || config.exemptLoopback() && address.isLoopbackAddress()) {
            return next.authenticate(attempt);
        }
        AddressState state = state(address);
        if (state == null) {
            return next.authenticate(attempt);
        }
        long now = clock.millis();
        state.lastSeen = now;
        if (state.blockedUntil > now) {
            metrics.count("connect_refused_backoff");
            return refused("backing off after failed logins");
        }
        if (state.bucket != null && !state.bucket.tryConsume(1)) {
            metrics.count("connect_refused_rate");
            return refused("too many connects from this address");
        }
        return next.authenticate(attempt).thenApply(result -> {
            record(address, state, result);
            return result;
        });
    }

    private static CompletionStage<AuthResult> refused(String message) {
        return CompletableFuture.completedFuture(AuthResult.refuse(AuthResult.Refusal.RATE_LIMITED, message));
    }

    private @Nullable AddressState state(InetAddress address) {
        String key = key(address);
        AddressState state = addresses.get(key);
        if (state != null) {
            return state;
        }
        if (addresses.size() >= config.maxTrackedAddresses()) {
            metrics.count("connect_guard_table_full");
            return null;
        }
        return addresses.computeIfAbsent(key, k -> new AddressState(bucket()));
    }

    private @Nullable Bucket bucket() {
        int rate = config.connectsPerSecond();
        if (rate <= 0) {
            return null;
        }
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(2L * rate).refillGreedy(rate, Duration.ofSeconds(1)))
                .withCustomTimePrecision(new ClockTimeMeter(clock))
                .build();
    }

    private void record(InetAddress address, AddressState state, AuthResult result) {
        switch (result) {
            case AuthResult.Accepted accepted -> state.failures.set(0);
            case AuthResult.Refused refused when refused.reason() == AuthResult.Refusal.BAD_CREDENTIALS
                    || refused.reason() == AuthResult.Refusal.NOT_AUTHORIZED
                    || refused.reason() == AuthResult.Refusal.IDENTIFIER_REJECTED -> failed(address, state);
            case AuthResult.Abstained abstained -> failed(address, state);
            default -> {
            }
        }
    }

    private void failed(InetAddress address, AddressState state) {
        int threshold = config.failuresBeforeBackoff();
        int failures = state.failures.incrementAndGet();
        if (threshold <= 0 || failures < threshold) {
            return;
        }
        int doublings = Math.min(failures - threshold, 30);
        long wait = Math.min(config.maxBackoff().toMillis(), config.initialBackoff().toMillis() << doublings);
        state.blockedUntil = clock.millis() + wait;
        metrics.count("connect_backoff_started");
        // Rate-limited by its nature: one line per back-off step, not per attempt.
        LOG.info("{}: {} failed logins, refusing connects for {} ms", address.getHostAddress(), failures, wait);
    }

    /**
     * Whether an address may try a password outside MQTT now, such as an admin login to the REST API; a refusal
     * is counted. Such logins share the address's failures and back-off with its MQTT logins, so that guessing
     * gains nothing by switching between the two.
     */
    public boolean mayTryLogin(InetAddress address) {
        if (config.exemptLoopback() && address.isLoopbackAddress()) {
            return true;
        }
        AddressState state = state(address);
        if (state == null) {
            return true;
        }
        long now = clock.millis();
        state.lastSeen = now;
        if (state.blockedUntil > now) {
            metrics.count("login_refused_backoff");
            return false;
        }
        return true;
    }

    /** Records the outcome of a login outside MQTT that {@link #mayTryLogin} let through. */
    public void loginTried(InetAddress address, boolean succeeded) {
        if (config.exemptLoopback() && address.isLoopbackAddress()) {
            return;
        }
        AddressState state = state(address);
        if (state == null) {
            return;
        }
        if (succeeded) {
            state.failures.set(0);
        } else {
            metrics.count("login_failed");
            failed(address, state);
        }
    }

    /** Forgets addresses that have been idle and are not backing off. Called periodically. */
    public void sweep() {
        long now = clock.millis();
        addresses.values().removeIf(state -> state.blockedUntil <= now && now - state.lastSeen > IDLE_MILLIS);
    }

    private long backingOff() {
        long now = clock.millis();
        return addresses.values().stream().filter(state -> state.blockedUntil > now).count();
    }

    private static String key(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] bytes = address.getAddress();
            StringBuilder prefix = new StringBuilder("v6:");
            for (int i = 0; i < 8; i++) {
                prefix.append(String.format("%02x", bytes[i]));
            }
            return prefix.toString();
        }
        return address.getHostAddress();
    }

    /** What is known about one address. */
    private static final class AddressState {
        final AtomicInteger failures = new AtomicInteger();
        final @Nullable Bucket bucket;
        volatile long blockedUntil;
        volatile long lastSeen;

        AddressState(@Nullable Bucket bucket) {
            this.bucket = bucket;
        }
    }
}
