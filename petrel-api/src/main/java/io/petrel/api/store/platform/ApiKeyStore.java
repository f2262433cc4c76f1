package io.petrel.api.store.platform;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The REST API's keys. Keys are created and deleted, never changed. */
public interface ApiKeyStore {

    /** The key with an id. */
    Optional<ApiKey> find(String id);

    /**
     * Keys by id.
     *
     * @param organization the keys of this organization only, or null for every key, operator-wide ones included
     */
    List<ApiKey> list(@Nullable String organization);

    /**
     * Stores a new key.
     *
     * @return false, and nothing written, if a key with its id exists
     */
    boolean create(ApiKey key);

    /** Deletes a key; false if it does not exist. */
    boolean delete(String id);
}
