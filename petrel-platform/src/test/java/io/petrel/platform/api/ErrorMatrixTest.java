package io.petrel.platform.api;

import static io.petrel.platform.testing.PlatformFixture.publish;
import static org.assertj.core.api.Assertions.assertThat;

import io.petrel.api.store.platform.Device;
import io.petrel.platform.testing.PlatformFixture;
import io.petrel.platform.testing.RecordingDownlink;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The rows of the error matrix, device-api.md §17, for MQTT 5 and MQTT 3.1.1 sessions. */
class ErrorMatrixTest {
    private final PlatformFixture fixture = new PlatformFixture();
    private final Device device = fixture.device("sensor");

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private PlatformSession session(int level) {
        return fixture.session(device, level, new RecordingDownlink());
    }

    private static PublishDecision decision(ReasonCode puback, ReasonCode disconnect) {
        return new PublishDecision(puback, List.of(), disconnect, null);
    }

    private static void assertDecision(PublishDecision actual, ReasonCode puback, ReasonCode disconnect) {
        assertThat(new PublishDecision(actual.puback(), actual.then(), actual.disconnect(), null))
                .isEqualTo(decision(puback, disconnect));
    }

    @Test
    void success() {
        assertDecision(publish(session(5), "v1/devices/me/telemetry", "{\"t\":1}", 1), ReasonCode.SUCCESS, null);
        assertDecision(publish(session(5), "v1/devices/me/telemetry", "{\"t\":1}", 0), null, null);
        assertDecision(publish(session(4), "v1/devices/me/telemetry", "{\"t\":1}", 1), ReasonCode.SUCCESS, null);
    }

    @Test
    void payloadNotJsonOrWrongShapeOnAKnownTopic() {
        PublishDecision v5 = publish(session(5), "v1/devices/me/telemetry", "not json", 1);
        assertDecision(v5, ReasonCode.PAYLOAD_FORMAT_INVALID, null);
        assertThat(v5.problem()).startsWith("the payload is not valid JSON");
        assertDecision(publish(session(5), "v1/devices/me/attributes", "[1]", 1), ReasonCode.PAYLOAD_FORMAT_INVALID,
                null);
        // MQTT 3.1.1 cannot carry the reason: the connection is closed, without a PUBACK.
        assertDecision(publish(session(4), "v1/devices/me/telemetry", "not json", 1), null,
                ReasonCode.PAYLOAD_FORMAT_INVALID);
    }

    @Test
    void qos0PayloadErrorDisconnects() {
        assertDecision(publish(session(5), "v1/devices/me/telemetry", "{", 0), null, ReasonCode.PAYLOAD_FORMAT_INVALID);
        assertDecision(publish(session(4), "v1/devices/me/telemetry", "{", 0), null, ReasonCode.PAYLOAD_FORMAT_INVALID);
    }

    @Test
    void unknownDeviceTopic() {
        assertDecision(publish(session(5), "some/topic", "{}", 1), ReasonCode.TOPIC_NAME_INVALID, null);
        // MQTT 3.1.1: a plain PUBACK and the session goes on; QoS 0: ignored.
        assertDecision(publish(session(4), "some/topic", "{}", 1), ReasonCode.TOPIC_NAME_INVALID, null);
        assertDecision(publish(session(5), "some/topic", "{}", 0), null, null);
        assertDecision(publish(session(4), "some/topic", "{}", 0), null, null);
    }

    @Test
    void nonGatewayUsingGatewayTopics() {
        assertDecision(publish(session(5), "v1/gateway/telemetry", "{}", 1), ReasonCode.NOT_AUTHORIZED, null);
        assertDecision(publish(session(4), "v1/gateway/telemetry", "{}", 1), ReasonCode.NOT_AUTHORIZED, null);
    }

    @Test
    void qos2IsNotSupported() {
        assertDecision(publish(session(5), "v1/devices/me/telemetry", "{\"t\":1}", 2), null,
                ReasonCode.QOS_NOT_SUPPORTED);
        assertDecision(publish(session(4), "v1/devices/me/telemetry", "{\"t\":1}", 2), null,
                ReasonCode.QOS_NOT_SUPPORTED);
    }

    @Test
    void internalErrorWhileStoringDisconnectsWith0x83() {
        fixture.close();
        // The writer is stopped: the store write fails, which is the server's fault, not the device's.
        assertDecision(publish(session(5), "v1/devices/me/telemetry", "{\"t\":1}", 1), null,
                ReasonCode.IMPLEMENTATION_SPECIFIC_ERROR);
        assertDecision(publish(session(4), "v1/devices/me/telemetry", "{\"t\":1}", 0), null,
                ReasonCode.IMPLEMENTATION_SPECIFIC_ERROR);
    }

    @Test
    void provisionOnlySessionPublishingElsewhere() {
        PlatformSession v5 = fixture.platform.open(io.petrel.api.Principal.provisionOnly(), 5, new RecordingDownlink())
                .thenApply(open -> ((OpenDecision.Open) open).session()).toCompletableFuture().join();
        assertDecision(publish(v5, "v1/devices/me/telemetry", "{}", 1), ReasonCode.TOPIC_NAME_INVALID,
                ReasonCode.TOPIC_NAME_INVALID);
        PlatformSession v3 = fixture.platform.open(io.petrel.api.Principal.provisionOnly(), 4, new RecordingDownlink())
                .thenApply(open -> ((OpenDecision.Open) open).session()).toCompletableFuture().join();
        assertDecision(publish(v3, "v1/devices/me/telemetry", "{}", 1), null, ReasonCode.TOPIC_NAME_INVALID);
    }

    @Test
    void unsupportedSubscribeFilter() {
        assertThat(session(5).onSubscribe(List.of(new Subscription("#", 1), new Subscription("v1/devices/me/attributes", 1)))
                .codes()).containsExactly(0x8F, 1);
        assertThat(session(4).onSubscribe(List.of(new Subscription("#", 1))).codes()).containsExactly(0x80);
    }

    @Test
    void protobufTopicsAreAnsweredAsNotImplementedAndTheSessionGoesOn() {
        assertDecision(publish(session(5), "v2/t/p", "\u0008\u0001", 1), ReasonCode.IMPLEMENTATION_SPECIFIC_ERROR,
                null);
    }
}
