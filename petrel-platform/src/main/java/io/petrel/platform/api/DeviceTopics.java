package io.petrel.platform.api;

import io.petrel.platform.stream.StreamTopics;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Parses device PUBLISH topics (device-api.md §4.1, §16). Ids are non-negative decimal integers that fit
 * int32; a topic with any other id is unknown.
 */
public final class DeviceTopics {
    private static final Map<String, DeviceTopic> EXACT = Map.ofEntries(
            Map.entry("v1/devices/me/telemetry", new DeviceTopic.Telemetry(TopicFamily.V1)),
            Map.entry("v2/t", new DeviceTopic.Telemetry(TopicFamily.V2)),
            Map.entry("v2/t/j", new DeviceTopic.Telemetry(TopicFamily.V2_JSON)),
            Map.entry("v2/t/p", new DeviceTopic.Telemetry(TopicFamily.V2_PROTOBUF)),
            Map.entry("v1/devices/me/attributes", new DeviceTopic.Attributes(TopicFamily.V1)),
            Map.entry("v2/a", new DeviceTopic.Attributes(TopicFamily.V2)),
            Map.entry("v2/a/j", new DeviceTopic.Attributes(TopicFamily.V2_JSON)),
            Map.entry("v2/a/p", new DeviceTopic.Attributes(TopicFamily.V2_PROTOBUF)),
            Map.entry("v1/devices/me/claim", new DeviceTopic.Claim()),
            Map.entry("/provision/request", new DeviceTopic.Provision()),
            Map.entry("v1/gateway/connect", new DeviceTopic.Gateway("v1/gateway/connect")),
            Map.entry("v1/gateway/disconnect", new DeviceTopic.Gateway("v1/gateway/disconnect")),
            Map.entry("v1/gateway/telemetry", new DeviceTopic.Gateway("v1/gateway/telemetry")),
            Map.entry("v1/gateway/attributes", new DeviceTopic.Gateway("v1/gateway/attributes")),
            Map.entry("v1/gateway/attributes/request", new DeviceTopic.Gateway("v1/gateway/attributes/request")),
            Map.entry("v1/gateway/rpc", new DeviceTopic.Gateway("v1/gateway/rpc")),
            Map.entry("v1/gateway/claim", new DeviceTopic.Gateway("v1/gateway/claim")));

    private static final DeviceTopic UNKNOWN = new DeviceTopic.Unknown();

    private DeviceTopics() {
    }

    /** What a topic names. */
    public static DeviceTopic parse(String topic) {
        DeviceTopic exact = EXACT.get(topic);
        if (exact != null) {
            return exact;
        }
        if (topic.startsWith("v1/devices/me/")) {
            return v1(topic.substring("v1/devices/me/".length()));
        }
        if (topic.startsWith("v2/")) {
            return v2(topic.substring(3));
        }
        StreamTopics.TelemetryTopic stream = StreamTopics.parseTelemetry(topic);
        return stream == null ? UNKNOWN : new DeviceTopic.Stream(stream.deviceName(), stream.key());
    }

    private static DeviceTopic v1(String rest) {
        String id;
        if ((id = idAfter(rest, "attributes/request/")) != null) {
            return new DeviceTopic.AttributeRequest(TopicFamily.V1, id);
        }
        if ((id = idAfter(rest, "rpc/request/")) != null) {
            return new DeviceTopic.RpcRequest(TopicFamily.V1, id);
        }
        if ((id = idAfter(rest, "rpc/response/")) != null) {
            return new DeviceTopic.RpcResponse(TopicFamily.V1, Integer.parseInt(id));
        }
        return UNKNOWN;
    }

    private static DeviceTopic v2(String rest) {
        for (TopicFamily family : new TopicFamily[] {TopicFamily.V2_JSON, TopicFamily.V2_PROTOBUF, TopicFamily.V2}) {
            String infix = family == TopicFamily.V2_JSON ? "j/" : family == TopicFamily.V2_PROTOBUF ? "p/" : "";
            String id;
            if ((id = idAfter(rest, "a/req/" + infix)) != null) {
                return new DeviceTopic.AttributeRequest(family, id);
            }
            if ((id = idAfter(rest, "r/req/" + infix)) != null) {
                return new DeviceTopic.RpcRequest(family, id);
            }
            if ((id = idAfter(rest, "r/res/" + infix)) != null) {
                return new DeviceTopic.RpcResponse(family, Integer.parseInt(id));
            }
        }
        return ota(rest);
    }

    private static DeviceTopic ota(String rest) {
        // fw/request/{reqId}/chunk/{n} or sw/request/{reqId}/chunk/{n}
        String[] levels = rest.split("/", -1);
        if (levels.length == 5 && (levels[0].equals("fw") || levels[0].equals("sw")) && levels[1].equals("request")
                && levels[3].equals("chunk") && isId(levels[2]) && isId(levels[4])) {
            return new DeviceTopic.OtaChunk(levels[0], levels[2], Integer.parseInt(levels[4]));
        }
        return UNKNOWN;
    }

    private static @Nullable String idAfter(String rest, String prefix) {
        if (!rest.startsWith(prefix)) {
            return null;
        }
        String id = rest.substring(prefix.length());
        return isId(id) ? id : null;
    }

    /** Whether a level is a non-negative decimal integer that fits int32. */
    static boolean isId(String level) {
        if (level.isEmpty() || level.length() > 10) {
            return false;
        }
        for (int i = 0; i < level.length(); i++) {
            if (level.charAt(i) < '0' || level.charAt(i) > '9') {
                return false;
            }
        }
        return Long.parseLong(level) <= Integer.MAX_VALUE;
    }
}
