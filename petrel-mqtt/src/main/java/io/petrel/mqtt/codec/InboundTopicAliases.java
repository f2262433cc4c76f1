package io.petrel.mqtt.codec;

import org.jspecify.annotations.Nullable;

/**
 * The topic aliases a client has set up on one connection, up to the server's topic alias maximum. Aliases
 * belong to the network connection and start empty on every connect [MQTT-3.3.2-7].
 */
public final class InboundTopicAliases {
    private final int maximum;
    /** Indexed by alias; created when the client sets its first one, as most clients never do. */
    private String @Nullable [] topics;

    public InboundTopicAliases(int maximum) {
        this.maximum = maximum;
    }

    /** Whether an alias is within 1 and the maximum [MQTT-3.3.2-8] [MQTT-3.3.2-9] [MQTT-3.3.2-12]. */
    public boolean isValid(int alias) {
        return alias >= 1 && alias <= maximum;
    }

    /** Maps an alias to a topic, replacing any earlier mapping. */
    public void set(int alias, String topic) {
        if (topics == null) {
            topics = new String[maximum + 1];
        }
        topics[alias] = topic;
    }

    /** The topic an alias maps to, or null if the client never set it. */
    public @Nullable String get(int alias) {
        return topics == null ? null : topics[alias];
    }
}
