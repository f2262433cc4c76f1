package io.petrel.server.rest.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The session tokens of logged-in admins, in memory: a restart logs everyone out. Only a hash of each token is
 * kept, so a heap dump does not hand out sessions. The number of sessions is bounded; at the bound, expired
 * sessions are dropped, then the ones closest to expiry.
 */
public final class LoginSessions {
    /** The prefix that tells a session token from an API key. */
    public static final String PREFIX = "ps_";
    private static final int MAX_SESSIONS = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * A session.
     *
     * @param caller the admin
     * @param expiresAtMillis when the token stops working
     */
    public record Session(Caller caller, long expiresAtMillis) {
    }

    /**
     * A new session's token, shown to the admin once.
     *
     * @param token the token
     * @param expiresAtMillis when it expires
     */
    public record Issued(String token, long expiresAtMillis) {
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final InstantSource clock;

    public LoginSessions(Duration ttl, InstantSource clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    /** Starts a session for an admin. */
    public Issued start(Caller caller) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        long expires = clock.millis() + ttl.toMillis();
        if (sessions.size() >= MAX_SESSIONS) {
            makeRoom();
        }
        sessions.put(hash(token), new Session(caller, expires));
        return new Issued(token, expires);
    }

    /** The admin behind a token that has not expired. */
    public Optional<Caller> find(String token) {
        String key = hash(token);
        Session session = sessions.get(key);
        if (session == null) {
            return Optional.empty();
        }
        if (clock.millis() >= session.expiresAtMillis()) {
            sessions.remove(key, session);
            return Optional.empty();
        }
        return Optional.of(session.caller());
    }

    /** Ends a session; false if there was none. */
    public boolean end(String token) {
        return sessions.remove(hash(token)) != null;
    }

    /** Sessions held now, expired ones not yet dropped included. */
    public int size() {
        return sessions.size();
    }

    private void makeRoom() {
        long now = clock.millis();
        sessions.values().removeIf(session -> now >= session.expiresAtMillis());
        while (sessions.size() >= MAX_SESSIONS) {
            sessions.entrySet().stream()
                    .min(Map.Entry.comparingByValue(
                            (a, b) -> Long.compare(a.expiresAtMillis(), b.expiresAtMillis())))
                    .ifPresent(oldest -> sessions.remove(oldest.getKey(), oldest.getValue()));
        }
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
