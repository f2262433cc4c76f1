package io.petrel.server.rest.auth;

import io.petrel.api.store.platform.ApiKey;
import io.petrel.api.store.platform.ApiKeyStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * API keys: {@code pk_<id>_<secret>}. The id finds the stored key; the secret, 32 random characters, is
 * stored only as its SHA-256 hash and compared in constant time. A slow hash would add nothing: the secret
 * has 190 random bits, so no dictionary helps against it.
 */
public final class ApiKeys {
    /** The prefix of every API key. */
    public static final String PREFIX = "pk_";
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int ID_LENGTH = 12;
    private static final int SECRET_LENGTH = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * A key just created: the stored record and the key itself, which is shown once.
     *
     * @param stored what is stored
     * @param key the whole key
     */
    public record Created(ApiKey stored, String key) {
    }

    private final ApiKeyStore store;
    private final InstantSource clock;

    public ApiKeys(ApiKeyStore store, InstantSource clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Creates a key for an organization, or for every organization when it is null. */
    public Created create(String name, @Nullable String organization, String createdBy) {
        while (true) {
            String id = random(ID_LENGTH);
            String secret = random(SECRET_LENGTH);
            ApiKey key = new ApiKey(id, name, organization, LoginSessions.hash(secret), createdBy, clock.millis());
            if (store.create(key)) {
                return new Created(key, PREFIX + id + "_" + secret);
            }
        }
    }

    /** The caller a key stands for, or empty if the key is unknown or its secret wrong. */
    public Optional<Caller> verify(String key) {
        if (!key.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int separator = key.indexOf('_', PREFIX.length());
        if (separator < 0) {
            return Optional.empty();
        }
        String id = key.substring(PREFIX.length(), separator);
        String secretHash = LoginSessions.hash(key.substring(separator + 1));
        return store.find(id)
                .filter(stored -> MessageDigest.isEqual(stored.secretHash().getBytes(StandardCharsets.US_ASCII),
                        secretHash.getBytes(StandardCharsets.US_ASCII)))
                .map(stored -> new Caller(stored.id(), Caller.Kind.API_KEY, stored.organization()));
    }

    public Optional<ApiKey> find(String id) {
        return store.find(id);
    }

    /** The keys of an organization, or every key when it is null. */
    public List<ApiKey> list(@Nullable String organization) {
        return store.list(organization);
    }

    public boolean delete(String id) {
        return store.delete(id);
    }

    private static String random(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        return text.toString();
    }
}
