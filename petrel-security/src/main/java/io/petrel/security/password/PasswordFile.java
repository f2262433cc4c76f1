package io.petrel.security.password;

import io.petrel.security.SecretFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The users of a password file in {@code mosquitto_passwd} format: one {@code user:hash} line per user, as
 * Mosquitto reads it. Blank lines and lines starting with {@code #} are skipped. A line Petrel cannot use, such
 * as an unhashed password, is reported in {@link #problems()} and its user cannot log in.
 */
public final class PasswordFile {
    private final Map<String, PasswordHash> users;
    private final List<String> problems;

    private PasswordFile(Map<String, PasswordHash> users, List<String> problems) {
        this.users = users;
        this.problems = problems;
    }

    /** An empty file. */
    public static PasswordFile empty() {
        return new PasswordFile(new LinkedHashMap<>(), new ArrayList<>());
    }

    /** Parses a file's text. */
    public static PasswordFile parse(String text) {
        Map<String, PasswordHash> users = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                problems.add("line " + (i + 1) + ": expected user:hash");
                continue;
            }
            String user = line.substring(0, colon);
            try {
                users.put(user, PasswordHash.parse(line.substring(colon + 1).strip()));
            } catch (IllegalArgumentException e) {
                problems.add("line " + (i + 1) + " (user " + user + "): " + e.getMessage());
            }
        }
        return new PasswordFile(users, problems);
    }

    /** Reads a file; a missing file is empty. */
    public static PasswordFile read(Path path) throws IOException {
        return Files.exists(path) ? parse(Files.readString(path, StandardCharsets.UTF_8)) : empty();
    }

    /** The hash of a user, or null if the user is unknown. */
    public @Nullable PasswordHash get(String user) {
        return users.get(user);
    }

    /** The user names, in file order. */
    public List<String> users() {
        return List.copyOf(users.keySet());
    }

    /** What could not be read, one entry per bad line. */
    public List<String> problems() {
        return Collections.unmodifiableList(problems);
    }

    /** Adds a user or replaces its password. */
    public void put(String user, PasswordHash hash) {
        requireValidUser(user);
        users.put(user, hash);
    }

    /** Removes a user; returns whether it existed. */
    public boolean remove(String user) {
        return users.remove(user) != null;
    }

    /** The file's text. */
    public String format() {
        StringBuilder out = new StringBuilder();
        users.forEach((user, hash) -> out.append(user).append(':').append(hash.format()).append('\n'));
        return out.toString();
    }

    /**
     * Writes the file atomically, readable by its owner only, as {@code mosquitto_passwd} does: a reader never
     * sees half a file.
     */
    public void write(Path path) throws IOException {
        SecretFiles.write(path, format());
    }

    /** Fails unless a name can be stored: not empty, no ':' and no line break. */
    public static void requireValidUser(String user) {
        if (user.isEmpty() || user.indexOf(':') >= 0 || user.indexOf('\n') >= 0 || user.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a user name must be non-empty without ':' or line breaks");
        }
    }
}
