package io.petrel.mqtt.handler;

import io.petrel.api.limit.ClientLimits;

/** Checks a topic name or filter against the configured longest topic and deepest level count. */
final class TopicShape {
    private TopicShape() {
    }

    /** Whether a topic or filter is longer or has more levels than the limits allow. */
    static boolean exceeds(String topic, ClientLimits limits) {
        int maxLength = limits.maxTopicLength();
        if (maxLength > 0 && topic.length() > maxLength) {
            return true;
        }
        int maxLevels = limits.maxTopicLevels();
        if (maxLevels <= 0) {
            return false;
        }
        int levels = 1;
        for (int i = 0; i < topic.length(); i++) {
            if (topic.charAt(i) == '/' && ++levels > maxLevels) {
                return true;
            }
        }
        return false;
    }
}
