package io.petrel.api.store.platform;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A key that lets a program use the REST API. The key itself is shown once, when it is created; only a hash
 * of its secret part is stored.
 *
 * @param id the key's public id, which is also the first part of the key
 * @param name what the key is for, as its creator described it
 * @param organization the organization the key may act in, or null for a key that may act in every one
 * @param secretHash the hash of the key's secret part, as the REST API computes it
 * @param createdBy who created the key
 * @param createdAtMillis when it was created, in epoch milliseconds
 */
public record ApiKey(String id, String name, @Nullable String organization, String secretHash, String createdBy,
        long createdAtMillis) {
    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(createdBy, "createdBy");
    }

    /** Whether the key may act in every organization. */
    public boolean operatorWide() {
        return organization == null;
    }
}
