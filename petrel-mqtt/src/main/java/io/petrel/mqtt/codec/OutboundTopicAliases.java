package io.petrel.mqtt.codec;

import java.util.HashMap;
import java.util.Map;

/**
 * The topic aliases the server uses toward one client, up to the client's topic alias maximum [MQTT-3.1.2-29]
 * [MQTT-3.3.2-11], and none if it set none [MQTT-3.1.2-30]. The first message on a topic carries the topic and
 * a new alias; later ones carry only the alias. Once every alias is taken, further topics are sent in full.
 */
public final class OutboundTopicAliases {
    /** No alias: the topic is sent in full. */
    public static final int NONE = 0;

    private final int maximum;
    /** Created with the first alias, so that clients that take none cost nothing. */
    private Map<String, Integer> aliases = Map.of();

    public OutboundTopicAliases(int maximum) {
        this.maximum = maximum;
    }

    /** Whether the client accepts aliases at all. */
    public boolean enabled() {
        return maximum > 0;
    }

    /** The alias already assigned to a topic, or {@link #NONE}. */
    public int existing(String topic) {
        Integer alias = aliases.get(topic);
        return alias == null ? NONE : alias;
    }

    /** Whether an alias is still free. */
    public boolean hasFree() {
        return aliases.size() < maximum;
    }

    /** Assigns the next free alias to a topic; call only when {@link #hasFree()}. */
    public int assign(String topic) {
        if (aliases.isEmpty()) {
            aliases = new HashMap<>();
        }
        int alias = aliases.size() + 1;
        aliases.put(topic, alias);
        return alias;
    }
}
