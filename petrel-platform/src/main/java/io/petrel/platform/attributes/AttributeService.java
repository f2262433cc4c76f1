package io.petrel.platform.attributes;

import io.petrel.api.store.platform.AttributeEntry;
import io.petrel.api.store.platform.AttributeScope;
import io.petrel.api.store.platform.AttributeStore;
import io.petrel.platform.kv.KvEntry;
import java.time.InstantSource;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes attributes off the caller's thread, and tells the listener of shared changes once they
 * are stored, so that a device never sees a push of something a read would not return.
 */
public final class AttributeService {
    private final AttributeStore store;
    private final Executor executor;
    private final InstantSource clock;
    private volatile SharedAttributeListener listener = new SharedAttributeListener() {
        @Override
        public void sharedUpdated(UUID deviceId, List<KvEntry> entries) {
        }

        @Override
        public void sharedDeleted(UUID deviceId, List<String> keys) {
        }
    };

    public AttributeService(AttributeStore store, Executor executor, InstantSource clock) {
        this.store = store;
        this.executor = executor;
        this.clock = clock;
    }

    /** Sets who is told of shared changes. */
    public void setListener(SharedAttributeListener listener) {
        this.listener = listener;
    }

    /** Stores attributes in a scope; a shared save is pushed to the device's sessions as one message. */
    public CompletionStage<Void> save(UUID deviceId, AttributeScope scope, List<KvEntry> entries) {
        if (entries.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        long now = clock.millis();
        List<AttributeEntry> stored = entries.stream()
                .map(kv -> new AttributeEntry(kv.key(), kv.value(), now))
                .toList();
        return CompletableFuture.runAsync(() -> {
            store.save(deviceId, scope, stored);
            if (scope == AttributeScope.SHARED) {
                listener.sharedUpdated(deviceId, List.copyOf(entries));
            }
        }, executor);
    }

    /** Deletes attributes of a scope and returns the keys that existed; shared deletions are pushed. */
    public CompletionStage<List<String>> delete(UUID deviceId, AttributeScope scope, Collection<String> keys) {
        return CompletableFuture.supplyAsync(() -> {
            List<String> deleted = store.delete(deviceId, scope, keys);
            if (scope == AttributeScope.SHARED && !deleted.isEmpty()) {
                listener.sharedDeleted(deviceId, deleted);
            }
            return deleted;
        }, executor);
    }

    /** The attributes of a scope with the given keys, or all of them when keys is null. */
    public CompletionStage<List<AttributeEntry>> read(UUID deviceId, AttributeScope scope,
            @Nullable Collection<String> keys) {
        return CompletableFuture.supplyAsync(
                () -> keys == null ? store.find(deviceId, scope) : store.find(deviceId, scope, keys), executor);
    }
}
