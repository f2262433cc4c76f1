package io.petrel.mqtt.handler;

import io.petrel.api.topic.Namespace;
import io.petrel.engine.retained.RetainedIndex;
import io.petrel.mqtt.protocol.MqttConnection;

/**
 * The retained-message limit of an organization: a retained PUBLISH that would add a message to a full
 * organization is refused; replacing one is not. The count comes from the retained index's per-subtree
 * counters: a mounted organization's subtree, or for the default organization everything outside
 * {@code $org} and the broker's own {@code $SYS}. Concurrent publishes to new topics may overshoot the limit by a few; nothing blocks.
 */
final class RetainedQuota {
    private static final String SYS = "$SYS";
    private RetainedQuota() {
    }

    /** Whether a retained message on a new internal topic would exceed the client's organization's limit. */
    static boolean full(MqttConnection conn, String internalTopic, int max) {
        if (max <= 0 || conn.client() == null || conn.client().principal().operator()) {
            return false;
        }
        RetainedIndex retained = conn.protocol().engine().retained();
        if (retained.get(internalTopic) != null) {
            return false;
        }
        Namespace namespace = conn.namespace();
        String prefix = namespace.prefix();
        int count = namespace.isRoot()
                ? retained.countUnder("") - retained.countUnder(Namespace.ORG_ROOT) - retained.countUnder(SYS)
                : retained.countUnder(prefix.substring(0, prefix.length() - 1));
        return count >= max;
    }
}
