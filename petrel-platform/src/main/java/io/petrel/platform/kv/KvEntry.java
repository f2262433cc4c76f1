package io.petrel.platform.kv;

import io.petrel.api.store.platform.KvValue;
import java.util.Objects;

/**
 * One typed key-value.
 *
 * @param key the key, never empty
 * @param value the typed value
 */
public record KvEntry(String key, KvValue value) {
    public KvEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
