package io.petrel.platform.api;

import io.petrel.api.store.platform.PayloadType;

/**
 * The topic families of the device API (device-api.md §16): {@code v1/devices/me/...}, and the short
 * {@code v2} topics in the profile's payload format, forced JSON ({@code /j/}) or forced protobuf
 * ({@code /p/}). The family a device used decides the topic of the answer.
 */
public enum TopicFamily {
    V1("v1/devices/me/attributes", "v1/devices/me/attributes/response/", "v1/devices/me/rpc/request/",
            "v1/devices/me/rpc/response/"),
    V2("v2/a", "v2/a/res/", "v2/r/req/", "v2/r/res/"),
    V2_JSON("v2/a/j", "v2/a/res/j/", "v2/r/req/j/", "v2/r/res/j/"),
    V2_PROTOBUF("v2/a/p", "v2/a/res/p/", "v2/r/req/p/", "v2/r/res/p/");

    private final String attributePush;
    private final String attributeResponse;
    private final String rpcRequest;
    private final String rpcResponse;

    TopicFamily(String attributePush, String attributeResponse, String rpcRequest, String rpcResponse) {
        this.attributePush = attributePush;
        this.attributeResponse = attributeResponse;
        this.rpcRequest = rpcRequest;
        this.rpcResponse = rpcResponse;
    }

    /** Where shared-attribute changes are pushed. */
    public String attributePushTopic() {
        return attributePush;
    }

    /** Where the answer to attribute request {@code id} goes. */
    public String attributeResponseTopic(String id) {
        return attributeResponse + id;
    }

    /** Where server RPC {@code id} is sent. */
    public String rpcRequestTopic(int id) {
        return rpcRequest + id;
    }

    /** The filter a session subscribes to for server RPCs. */
    public String rpcRequestFilter() {
        return rpcRequest + "+";
    }

    /** Where the answer to client RPC {@code id} goes. */
    public String rpcResponseTopic(String id) {
        return rpcResponse + id;
    }

    /** Whether payloads of this family are JSON for a device with the given profile format. */
    public boolean isJson(PayloadType profileFormat) {
        return switch (this) {
            case V1, V2_JSON -> true;
            case V2 -> profileFormat == PayloadType.JSON;
            case V2_PROTOBUF -> false;
        };
    }
}
