package io.petrel.platform.memory;

import io.petrel.api.store.platform.ApiKey;
import io.petrel.api.store.platform.ApiKeyStore;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/** API keys in a map. */
public final class InMemoryApiKeyStore implements ApiKeyStore {
    private final Map<String, ApiKey> keys = new ConcurrentHashMap<>();

    @Override
    public Optional<ApiKey> find(String id) {
        return Optional.ofNullable(keys.get(id));
    }

    @Override
    public List<ApiKey> list(@Nullable String organization) {
        return keys.values().stream()
                .filter(key -> organization == null || Objects.equals(organization, key.organization()))
                .sorted(Comparator.comparing(ApiKey::id))
                .toList();
    }

    @Override
    public boolean create(ApiKey key) {
        return keys.putIfAbsent(key.id(), key) == null;
    }

    @Override
    public boolean delete(String id) {
        return keys.remove(id) != null;
    }
}
