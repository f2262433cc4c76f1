package io.petrel.platform.memory;

import io.petrel.api.store.platform.AttributeEntry;
import io.petrel.api.store.platform.AttributeScope;
import io.petrel.api.store.platform.AttributeStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Attributes in a sorted map per device and scope; each map is guarded by its own lock. */
public final class InMemoryAttributeStore implements AttributeStore {
    private final Map<Scoped, TreeMap<String, AttributeEntry>> attributes = new ConcurrentHashMap<>();

    private record Scoped(UUID deviceId, AttributeScope scope) {
    }

    @Override
    public void save(UUID deviceId, AttributeScope scope, List<AttributeEntry> entries) {
        TreeMap<String, AttributeEntry> map = attributes.computeIfAbsent(new Scoped(deviceId, scope),
                k -> new TreeMap<>());
        synchronized (map) {
            entries.forEach(entry -> map.put(entry.key(), entry));
        }
    }

    @Override
    public List<AttributeEntry> find(UUID deviceId, AttributeScope scope) {
        TreeMap<String, AttributeEntry> map = attributes.get(new Scoped(deviceId, scope));
        if (map == null) {
            return List.of();
        }
        synchronized (map) {
            return List.copyOf(map.values());
        }
    }

    @Override
    public List<AttributeEntry> find(UUID deviceId, AttributeScope scope, Collection<String> keys) {
        TreeMap<String, AttributeEntry> map = attributes.get(new Scoped(deviceId, scope));
        if (map == null) {
            return List.of();
        }
        synchronized (map) {
            return keys.stream().distinct().sorted().map(map::get).filter(e -> e != null).toList();
        }
    }

    @Override
    public List<String> delete(UUID deviceId, AttributeScope scope, Collection<String> keys) {
        TreeMap<String, AttributeEntry> map = attributes.get(new Scoped(deviceId, scope));
        if (map == null) {
            return List.of();
        }
        List<String> deleted = new ArrayList<>();
        synchronized (map) {
            keys.stream().distinct().sorted().forEach(key -> {
                if (map.remove(key) != null) {
                    deleted.add(key);
                }
            });
        }
        return deleted;
    }

    @Override
    public void deleteDevice(UUID deviceId) {
        for (AttributeScope scope : AttributeScope.values()) {
            attributes.remove(new Scoped(deviceId, scope));
        }
    }
}
