package io.petrel.platform.api;

import org.jspecify.annotations.Nullable;

/** What a device's PUBLISH topic names (device-api.md §4.1). */
public sealed interface DeviceTopic {

    /** Time series upload (§5). */
    record Telemetry(TopicFamily family) implements DeviceTopic {
    }

    /** Client-side attributes upload (§6). */
    record Attributes(TopicFamily family) implements DeviceTopic {
    }

    /** Attribute read request (§7), with the id to answer on. */
    record AttributeRequest(TopicFamily family, String id) implements DeviceTopic {
    }

    /** The device's answer to server RPC {@code id} (§9). */
    record RpcResponse(TopicFamily family, int id) implements DeviceTopic {
    }

    /** Client-side RPC (§10), with the id to answer on. */
    record RpcRequest(TopicFamily family, String id) implements DeviceTopic {
    }

    /** Claim request (§11). */
    record Claim() implements DeviceTopic {
    }

    /** OTA chunk request (§13) of firmware ({@code fw}) or software ({@code sw}). */
    record OtaChunk(String kind, String requestId, int chunk) implements DeviceTopic {
    }

    /** A gateway topic (§14). */
    record Gateway(String topic) implements DeviceTopic {
    }

    /** {@code /provision/request} (§12). */
    record Provision() implements DeviceTopic {
    }

    /** The streaming namespace: {@code device/{name}/telemetry[/{key}]}. */
    record Stream(String deviceName, @Nullable String key) implements DeviceTopic {
    }

    /** Anything else. */
    record Unknown() implements DeviceTopic {
    }
}
