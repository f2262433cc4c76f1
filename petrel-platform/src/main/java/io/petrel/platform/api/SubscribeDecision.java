package io.petrel.platform.api;

import java.util.List;

/**
 * The SUBACK for one SUBSCRIBE, and what to send after it.
 *
 * @param codes one per filter, in order: the granted QoS (0 or 1), or a failure code (0x8F for MQTT 5, 0x80
 *     for MQTT 3)
 * @param then messages to send after the SUBACK, such as server RPCs that waited for the subscription
 */
public record SubscribeDecision(List<Integer> codes, List<Outbound> then) {
    public SubscribeDecision {
        codes = List.copyOf(codes);
        then = List.copyOf(then);
    }
}
