package io.petrel.engine.retained;

import io.petrel.api.Message;
import io.petrel.engine.topic.TopicLevels;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The retained messages, one per topic, in a tree with one node per topic level. A subscribe with a
 * wildcard filter walks only the branches the filter can reach instead of scanning every retained topic.
 *
 * <p>Concurrency: lookups run on any thread without locking; changes take one lock, which also guards
 * pruning of empty nodes.
 */
public final class RetainedIndex {
    private final RetainedNode root = new RetainedNode();
    private final ReentrantLock writeLock = new ReentrantLock();
    private final AtomicInteger size = new AtomicInteger();

    /**
     * Stores a message as the retained message of its topic, replacing the previous one [MQTT-3.3.1-5]. A
     * message with an empty payload removes the retained message instead [MQTT-3.3.1-6].
     */
    public void put(Message message) {
        if (message.payload().length == 0) {
            remove(message.topic());
            return;
        }
        String[] levels = TopicLevels.split(message.topic());
        writeLock.lock();
        try {
            RetainedNode[] path = new RetainedNode[levels.length + 1];
            path[0] = root;
            for (int i = 0; i < levels.length; i++) {
                path[i + 1] = path[i].childOrCreate(levels[i]);
            }
            RetainedNode node = path[levels.length];
            if (node.message == null) {
                size.incrementAndGet();
                for (RetainedNode above : path) {
                    above.below++;
                }
            }
            node.message = message;
        } finally {
            writeLock.unlock();
        }
    }

    /** Removes the retained message of a topic, if any. */
    public void remove(String topic) {
        remove(topic, null);
    }

    /**
     * Removes a retained message that has expired, unless a newer one has replaced it meanwhile. Expired
     * messages are found when a subscribe walks over them, so they leave the index, and its count, then.
     */
    public void removeExpired(Message expired) {
        remove(expired.topic(), expired);
    }

    private void remove(String topic, @Nullable Message expected) {
        String[] levels = TopicLevels.split(topic);
        writeLock.lock();
        try {
            RetainedNode[] path = new RetainedNode[levels.length + 1];
            path[0] = root;
            for (int i = 0; i < levels.length; i++) {
                RetainedNode next = path[i].child(levels[i]);
                if (next == null) {
                    return;
                }
                path[i + 1] = next;
            }
            Message current = path[levels.length].message;
            if (current == null || expected != null && current != expected) {
                return;
            }
            path[levels.length].message = null;
            size.decrementAndGet();
            for (RetainedNode above : path) {
                above.below--;
            }
            for (int i = levels.length; i > 0 && path[i].isEmpty(); i--) {
                path[i - 1].removeChild(levels[i - 1]);
            }
        } finally {
            writeLock.unlock();
        }
    }

    /** The retained message of a topic, or null. */
    public @Nullable Message get(String topic) {
        RetainedNode node = root;
        for (String level : TopicLevels.split(topic)) {
            node = node.child(level);
            if (node == null) {
                return null;
            }
        }
        return node.message;
    }

    /**
     * Passes every retained message whose topic matches a filter to the sink. Topics that start with
     * {@code $} are not matched by a filter that starts with a wildcard [MQTT-4.7.2-1].
     */
    public void match(String filter, Consumer<Message> sink) {
        matchLevel(root, TopicLevels.split(filter), 0, sink);
    }

    private void matchLevel(RetainedNode node, String[] levels, int index, Consumer<Message> sink) {
        if (index == levels.length) {
            emit(node, sink);
            return;
        }
        String level = levels[index];
        if (level.equals("#")) {
            // MQTT 5 §4.7.1.2: '#' also matches the parent level.
            if (index > 0) {
                emit(node, sink);
            }
            forEachChild(node, index == 0, child -> emitSubtree(child, sink));
        } else if (level.equals("+")) {
            forEachChild(node, index == 0, child -> matchLevel(child, levels, index + 1, sink));
        } else {
            RetainedNode child = node.child(level);
            if (child != null) {
                matchLevel(child, levels, index + 1, sink);
            }
        }
    }

    private static void forEachChild(RetainedNode node, boolean skipDollar, Consumer<RetainedNode> action) {
        Map<String, RetainedNode> children = node.children();
        if (children == null) {
            return;
        }
        for (Map.Entry<String, RetainedNode> entry : children.entrySet()) {
            if (!(skipDollar && entry.getKey().startsWith("$"))) {
                action.accept(entry.getValue());
            }
        }
    }

    private static void emitSubtree(RetainedNode node, Consumer<Message> sink) {
        emit(node, sink);
        forEachChild(node, false, child -> emitSubtree(child, sink));
    }

    private static void emit(RetainedNode node, Consumer<Message> sink) {
        Message message = node.message;
        if (message != null) {
            sink.accept(message);
        }
    }

    /**
     * The number of retained messages whose topic is a prefix's topic or lies below it, such as every retained
     * message under {@code a/b} for the prefix {@code a/b}; the empty prefix counts them all. It costs one step
     * per level of the prefix, so a quota per subtree can be checked on the publish path.
     */
    public int countUnder(String prefix) {
        RetainedNode node = root;
        if (!prefix.isEmpty()) {
            for (String level : TopicLevels.split(prefix)) {
                node = node.child(level);
                if (node == null) {
                    return 0;
                }
            }
        }
        return node.below;
    }

    /** The number of retained messages. */
    public int size() {
        return size.get();
    }

    /** The number of nodes below the root, which pruning keeps to what retained messages need. */
    int nodeCount() {
        return count(root);
    }

    private static int count(RetainedNode node) {
        Map<String, RetainedNode> children = node.children();
        if (children == null) {
            return 0;
        }
        int total = 0;
        for (RetainedNode child : children.values()) {
            total += 1 + count(child);
        }
        return total;
    }
}
