package io.petrel.api.store.platform;

import java.util.Objects;

/**
 * One attribute of a device in one scope.
 *
 * @param key the attribute's name
 * @param value its value
 * @param lastUpdateTs when it was last written, in epoch milliseconds
 */
public record AttributeEntry(String key, KvValue value, long lastUpdateTs) {
    public AttributeEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
