package io.petrel.platform.api;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The SUBSCRIBE filters a device may use (device-api.md §4.3): exact strings, no general wildcard matching.
 */
public final class SubscriptionFilters {

    /** What subscribing to a filter does besides recording its QoS. */
    public enum Purpose {
        /** Registers the session for shared-attribute pushes on the family's push topic. */
        ATTRIBUTE_PUSH,
        /** Registers the session for server RPCs on the family's request topic, and flushes pending ones. */
        RPC_REQUEST,
        /** Only records the QoS of responses. */
        RESPONSES
    }

    /**
     * An accepted filter.
     *
     * @param purpose what subscribing does
     * @param family the topic family, for pushes and RPCs
     */
    public record Allowed(Purpose purpose, TopicFamily family) {
    }

    private static final Map<String, Allowed> ALLOWED = new HashMap<>();

    static {
        for (TopicFamily family : TopicFamily.values()) {
            ALLOWED.put(family.attributePushTopic(), new Allowed(Purpose.ATTRIBUTE_PUSH, family));
            ALLOWED.put(family.attributeResponseTopic("+"), new Allowed(Purpose.RESPONSES, family));
            ALLOWED.put(family.rpcResponseTopic("+"), new Allowed(Purpose.RESPONSES, family));
            ALLOWED.put(family.rpcRequestFilter(), new Allowed(Purpose.RPC_REQUEST, family));
        }
        for (String filter : new String[] {"v2/fw/response/+/chunk/+", "v2/fw/error", "v2/sw/response/+/chunk/+",
                "v2/sw/error", "v1/gateway/attributes", "v1/gateway/attributes/response", "v1/gateway/rpc",
                // Leniency for the Python SDK, which subscribes to these although they match no chunk topic;
                // chunks are delivered without a matching subscription anyway (§0).
                "v2/fw/response/+", "v2/sw/response/+"}) {
            ALLOWED.put(filter, new Allowed(Purpose.RESPONSES, TopicFamily.V1));
        }
    }

    private SubscriptionFilters() {
    }

    /** What a filter does, or null if a device may not subscribe to it. */
    public static @Nullable Allowed classify(String filter) {
        return ALLOWED.get(filter);
    }
}
