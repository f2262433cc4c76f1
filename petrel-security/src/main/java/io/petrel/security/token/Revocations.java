package io.petrel.security.token;

import io.petrel.security.SecretFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Revoked token ids, kept in a text file in the data directory: one {@code <id> <expiry epoch seconds>} line
 * per token, the expiry being that of the token so that the entry can be dropped once the token would be
 * refused anyway ({@code -} when unknown). Lines starting with {@code #} are comments.
 */
public final class Revocations {
    /** Where the list lives in the data directory. */
    public static final String DEFAULT_FILE = "revoked-tokens.txt";

    private final Map<String, Long> expiryById;

    private Revocations(Map<String, Long> expiryById) {
        this.expiryById = expiryById;
    }

    /** Reads the list; a missing file is an empty list. */
    public static Revocations read(Path file) throws IOException {
        Map<String, Long> entries = new LinkedHashMap<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] fields = trimmed.split("\\s+");
                long expiry = fields.length > 1 && !fields[1].equals("-") ? Long.parseLong(fields[1]) : Long.MAX_VALUE;
                entries.put(fields[0], expiry);
            }
        }
        return new Revocations(entries);
    }

    /** Whether a token id is revoked. */
    public boolean isRevoked(String id) {
        return expiryById.containsKey(id);
    }

    /** Every revoked id. */
    public Set<String> ids() {
        return Collections.unmodifiableSet(expiryById.keySet());
    }

    /**
     * Adds an id to the list in a file, dropping entries whose tokens have expired, and writes it atomically.
     *
     * @param expiresAt the token's expiry, or null when only the id is known
     * @return whether the id was not revoked before
     */
    public static boolean revoke(Path file, String id, @Nullable Instant expiresAt, Instant now) throws IOException {
        if (id.isBlank() || id.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("a token id has no spaces");
        }
        Map<String, Long> entries = new LinkedHashMap<>(read(file).expiryById);
        entries.values().removeIf(expiry -> expiry < now.getEpochSecond());
        boolean added = entries.put(id, expiresAt == null ? Long.MAX_VALUE : expiresAt.getEpochSecond()) == null;
        StringBuilder out = new StringBuilder("# Revoked Petrel org tokens: id, expiry (epoch seconds)\n");
        entries.forEach((entry, expiry) -> out.append(entry).append(' ')
                .append(expiry == Long.MAX_VALUE ? "-" : Long.toString(expiry)).append('\n'));
        SecretFiles.write(file, out.toString());
        return added;
    }
}
