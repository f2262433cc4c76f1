package io.petrel.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Reads checked values out of a {@link ConfigTree} and remembers which paths it read, so that any other
 * path in the tree can be reported as an unknown key.
 */
final class ConfigReader {
    private final ConfigTree tree;
    private final Set<String> read = new HashSet<>();
    private final Set<String> known = new TreeSet<>();

    ConfigReader(ConfigTree tree) {
        this.tree = tree;
    }

    /** The value of a key, or its default. */
    <T> T get(Key<T> key) {
        return valueOr(key, key.path(), key.defaultValue());
    }

    /** The value of a named entry's key, or its default. */
    <T> T get(Key<T> key, String name) {
        return valueOr(key, key.path(name), key.defaultValue());
    }

    /** The value of a named entry's key, or null when it is not set. */
    <T> @Nullable T find(Key<T> key, String name) {
        return valueOr(key, key.path(name), null);
    }

    private <T> T valueOr(Key<T> key, String path, @Nullable T fallback) {
        known.add(path);
        read.add(path);
        JsonNode node = tree.get(path);
        if (node == null) {
            return fallback;
        }
        if (node.isObject()) {
            throw new ConfigException(path + " must be a value, not a section");
        }
        return key.parse(path, raw(node));
    }

    private static String raw(JsonNode node) {
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(item.asText()));
            return String.join(",", items);
        }
        return node.asText();
    }

    /** Fails on the first path in the tree that no key read. */
    void rejectUnknown() {
        for (String path : tree.valuePaths()) {
            if (!read.contains(path)) {
                int dot = path.lastIndexOf('.');
                String section = dot < 0 ? "" : path.substring(0, dot + 1);
                List<String> siblings = known.stream().filter(k -> k.startsWith(section)
                        && k.indexOf('.', section.length()) < 0).map(k -> k.substring(section.length())).toList();
                throw new ConfigException("unknown configuration key " + path
                        + (siblings.isEmpty() ? "" : " (known keys" + (section.isEmpty() ? "" : " in "
                        + section.substring(0, section.length() - 1)) + ": " + String.join(", ", siblings) + ")"));
            }
        }
    }
}
