package io.petrel.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The device topic catalogue of device-api.md §4.1 and §16. */
class DeviceTopicsTest {

    @Test
    void v1Topics() {
        assertThat(DeviceTopics.parse("v1/devices/me/telemetry")).isEqualTo(new DeviceTopic.Telemetry(TopicFamily.V1));
        assertThat(DeviceTopics.parse("v1/devices/me/attributes")).isEqualTo(new DeviceTopic.Attributes(TopicFamily.V1));
        assertThat(DeviceTopics.parse("v1/devices/me/attributes/request/7"))
                .isEqualTo(new DeviceTopic.AttributeRequest(TopicFamily.V1, "7"));
        assertThat(DeviceTopics.parse("v1/devices/me/rpc/response/0")).isEqualTo(new DeviceTopic.RpcResponse(TopicFamily.V1, 0));
        assertThat(DeviceTopics.parse("v1/devices/me/rpc/request/12"))
                .isEqualTo(new DeviceTopic.RpcRequest(TopicFamily.V1, "12"));
        assertThat(DeviceTopics.parse("v1/devices/me/claim")).isEqualTo(new DeviceTopic.Claim());
    }

    @Test
    void v2Topics() {
        assertThat(DeviceTopics.parse("v2/t")).isEqualTo(new DeviceTopic.Telemetry(TopicFamily.V2));
        assertThat(DeviceTopics.parse("v2/t/j")).isEqualTo(new DeviceTopic.Telemetry(TopicFamily.V2_JSON));
        assertThat(DeviceTopics.parse("v2/t/p")).isEqualTo(new DeviceTopic.Telemetry(TopicFamily.V2_PROTOBUF));
        assertThat(DeviceTopics.parse("v2/a/j")).isEqualTo(new DeviceTopic.Attributes(TopicFamily.V2_JSON));
        assertThat(DeviceTopics.parse("v2/a/req/3")).isEqualTo(new DeviceTopic.AttributeRequest(TopicFamily.V2, "3"));
        assertThat(DeviceTopics.parse("v2/a/req/j/3")).isEqualTo(new DeviceTopic.AttributeRequest(TopicFamily.V2_JSON, "3"));
        assertThat(DeviceTopics.parse("v2/r/req/p/3")).isEqualTo(new DeviceTopic.RpcRequest(TopicFamily.V2_PROTOBUF, "3"));
        assertThat(DeviceTopics.parse("v2/r/res/j/4")).isEqualTo(new DeviceTopic.RpcResponse(TopicFamily.V2_JSON, 4));
        assertThat(DeviceTopics.parse("v2/fw/request/5/chunk/0")).isEqualTo(new DeviceTopic.OtaChunk("fw", "5", 0));
        assertThat(DeviceTopics.parse("v2/sw/request/5/chunk/9")).isEqualTo(new DeviceTopic.OtaChunk("sw", "5", 9));
    }

    @Test
    void gatewayProvisionAndStreamTopics() {
        assertThat(DeviceTopics.parse("v1/gateway/attributes/request"))
                .isEqualTo(new DeviceTopic.Gateway("v1/gateway/attributes/request"));
        assertThat(DeviceTopics.parse("/provision/request")).isEqualTo(new DeviceTopic.Provision());
        assertThat(DeviceTopics.parse("device/pump/telemetry")).isEqualTo(new DeviceTopic.Stream("pump", null));
        assertThat(DeviceTopics.parse("device/pump/telemetry/temp")).isEqualTo(new DeviceTopic.Stream("pump", "temp"));
        assertThat(DeviceTopics.parse("device/pump/telemetry/a/b")).isEqualTo(new DeviceTopic.Stream("pump", "a/b"));
    }

    @Test
    void idsAreNonNegativeDecimalInt32ElseTheTopicIsUnknown() {
        DeviceTopic unknown = new DeviceTopic.Unknown();
        assertThat(DeviceTopics.parse("v1/devices/me/attributes/request/2147483647"))
                .isEqualTo(new DeviceTopic.AttributeRequest(TopicFamily.V1, "2147483647"));
        for (String topic : new String[] {"v1/devices/me/attributes/request/2147483648",
                "v1/devices/me/attributes/request/-1", "v1/devices/me/attributes/request/x",
                "v1/devices/me/attributes/request/", "v1/devices/me/rpc/request/1/2", "v1/devices/me/telemetry/x",
                "v2/a/req/j/", "v2/fw/request/1/chunk/x", "v2/x", "devices/me/telemetry", "device/pump/status",
                "device//telemetry", "device/pump/telemetry/", "v1/devices/me/rpc/response/1.5"}) {
            assertThat(DeviceTopics.parse(topic)).as(topic).isEqualTo(unknown);
        }
    }

    @Test
    void subscriptionAllowlist() {
        String[] accepted = {"v1/devices/me/attributes", "v1/devices/me/attributes/response/+",
            "v1/devices/me/rpc/request/+", "v1/devices/me/rpc/response/+", "v2/a", "v2/a/j", "v2/a/p", "v2/a/res/+",
            "v2/a/res/j/+", "v2/a/res/p/+", "v2/r/req/+", "v2/r/req/j/+", "v2/r/req/p/+", "v2/r/res/+",
            "v2/r/res/j/+", "v2/r/res/p/+", "v2/fw/response/+/chunk/+", "v2/fw/error", "v2/sw/response/+/chunk/+",
            "v2/sw/error", "v1/gateway/attributes", "v1/gateway/attributes/response", "v1/gateway/rpc",
            "v2/fw/response/+"};
        for (String filter : accepted) {
            assertThat(SubscriptionFilters.classify(filter)).as(filter).isNotNull();
        }
        for (String filter : new String[] {"#", "v1/devices/me/#", "v1/devices/me/+", "v1/devices/me/attributes/response/#",
                "v1/devices/me/rpc/request/1", "device/pump/telemetry", "v1/devices/me/telemetry"}) {
            assertThat(SubscriptionFilters.classify(filter)).as(filter).isNull();
        }
        assertThat(SubscriptionFilters.classify("v2/r/req/j/+"))
                .isEqualTo(new SubscriptionFilters.Allowed(SubscriptionFilters.Purpose.RPC_REQUEST, TopicFamily.V2_JSON));
        assertThat(SubscriptionFilters.classify("v2/a"))
                .isEqualTo(new SubscriptionFilters.Allowed(SubscriptionFilters.Purpose.ATTRIBUTE_PUSH, TopicFamily.V2));
    }
}
