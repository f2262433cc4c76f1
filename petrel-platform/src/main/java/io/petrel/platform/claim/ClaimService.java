package io.petrel.platform.claim;

import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Open claiming windows. A device's request replaces its earlier window. A user's claim (through the REST
 * API) succeeds with the right secret before the window closes, once.
 */
public final class ClaimService {
    /** The window when the device gives no duration: 24 hours, as ThingsBoard. */
    public static final long DEFAULT_DURATION_MS = 24 * 60 * 60 * 1000L;

    /**
     * An open window.
     *
     * @param secretKey the secret to claim with
     * @param expiresAtMillis when the window closes
     */
    public record Claim(String secretKey, long expiresAtMillis) {
    }

    /** What a user's claim came to. */
    public enum ClaimOutcome {
        /** The device is the user's now. */
        SUCCESS,
        /** No open window, or the wrong secret. */
        FAILURE
    }

    private final Map<UUID, Claim> claims = new ConcurrentHashMap<>();
    private final InstantSource clock;

    public ClaimService(InstantSource clock) {
        this.clock = clock;
    }

    /** Opens a device's window. */
    public void register(UUID deviceId, ClaimRequest request) {
        long duration = request.durationMs() > 0 ? request.durationMs() : DEFAULT_DURATION_MS;
        claims.put(deviceId, new Claim(request.secretKey(), clock.millis() + duration));
    }

    /** A device's open window, if it has one now. */
    public Optional<Claim> openClaim(UUID deviceId) {
        Claim claim = claims.get(deviceId);
        return claim == null || clock.millis() >= claim.expiresAtMillis() ? Optional.empty() : Optional.of(claim);
    }

    /** Claims a device with a secret, closing its window on success. */
    public ClaimOutcome claim(UUID deviceId, String secretKey) {
        Optional<Claim> open = openClaim(deviceId);
        if (open.isPresent() && open.get().secretKey().equals(secretKey) && claims.remove(deviceId, open.get())) {
            return ClaimOutcome.SUCCESS;
        }
        return ClaimOutcome.FAILURE;
    }
}
