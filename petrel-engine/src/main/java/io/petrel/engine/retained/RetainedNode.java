package io.petrel.engine.retained;

import io.petrel.api.Message;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/** One level of the retained-message tree. Written under the index's lock, read without it. */
final class RetainedNode {
    private volatile @Nullable ConcurrentHashMap<String, RetainedNode> children;
    volatile @Nullable Message message;
    /** The retained messages at this node and below it; changed under the index's lock. */
    volatile int below;

    @Nullable RetainedNode child(String level) {
        Map<String, RetainedNode> map = children;
        return map == null ? null : map.get(level);
    }

    @Nullable Map<String, RetainedNode> children() {
        return children;
    }

    RetainedNode childOrCreate(String level) {
        ConcurrentHashMap<String, RetainedNode> map = children;
        if (map == null) {
            map = new ConcurrentHashMap<>(4);
            children = map;
        }
        return map.computeIfAbsent(level, l -> new RetainedNode());
    }

    void removeChild(String level) {
        Map<String, RetainedNode> map = children;
        if (map != null) {
            map.remove(level);
        }
    }

    boolean isEmpty() {
        Map<String, RetainedNode> map = children;
        return message == null && (map == null || map.isEmpty());
    }
}
