package io.petrel.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.petrel.api.store.platform.Device;
import io.petrel.platform.testing.PlatformFixture;
import io.petrel.platform.testing.RecordingDownlink;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SUBSCRIBE and UNSUBSCRIBE of device sessions (device-api.md §4.3). */
class SubscribeDecisionsTest {
    private final PlatformFixture fixture = new PlatformFixture();
    private final Device device = fixture.device("d");

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void grantedQosIsAtMostOneAndOtherFiltersInTheSameSubscribeAreStillProcessed() {
        PlatformSession session = fixture.session(device, 5, new RecordingDownlink());
        SubscribeDecision decision = session.onSubscribe(List.of(
                new Subscription("v1/devices/me/attributes", 2),
                new Subscription("v1/devices/me/#", 1),
                new Subscription("v1/devices/me/rpc/request/+", 0),
                new Subscription("v2/fw/response/+", 1)));
        assertThat(decision.codes()).containsExactly(1, 0x8F, 0, 1);
        assertThat(decision.then()).isEmpty();
    }

    @Test
    void mqtt3GetsTheV3FailureCode() {
        PlatformSession session = fixture.session(device, 4, new RecordingDownlink());
        assertThat(session.onSubscribe(List.of(new Subscription("a/b", 1), new Subscription("v2/a", 1))).codes())
                .containsExactly(0x80, 1);
    }

    @Test
    void protobufFiltersAreRefusedWhileProtobufIsNotSupported() {
        PlatformSession session = fixture.session(device, 5, new RecordingDownlink());
        assertThat(session.onSubscribe(List.of(new Subscription("v2/a/p", 1), new Subscription("v2/r/req/p/+", 1)))
                .codes()).containsExactly(0x8F, 0x8F);
    }

    @Test
    void unsubscribeOfAnUnknownFilterSaysNoSubscriptionExisted() {
        PlatformSession session = fixture.session(device, 5, new RecordingDownlink());
        session.onSubscribe(List.of(new Subscription("v1/devices/me/rpc/response/+", 1)));
        assertThat(session.onUnsubscribe(List.of("v1/devices/me/rpc/response/+", "v1/devices/me/rpc/response/+", "#")))
                .containsExactly(ReasonCode.SUCCESS, ReasonCode.NO_SUBSCRIPTION_EXISTED,
                        ReasonCode.NO_SUBSCRIPTION_EXISTED);
    }

    @Test
    void theOtaLeniencyFilterNeverMatchesChunksSoTheyGoAtQos1() {
        RecordingDownlink downlink = new RecordingDownlink();
        PlatformSession session = fixture.session(device, 5, downlink);
        session.onSubscribe(List.of(new Subscription("v2/fw/response/+", 0)));
        PublishDecision decision = PlatformFixture.publish(session, "v2/fw/request/1/chunk/0", "4096", 1);
        // No firmware is assigned: NOT_FOUND on the error topic, then the session is closed (§13).
        assertThat(decision.puback()).isEqualTo(ReasonCode.SUCCESS);
        assertThat(decision.then()).extracting(RecordingDownlink::line).containsExactly("v2/fw/error NOT_FOUND");
        assertThat(decision.disconnect()).isEqualTo(ReasonCode.IMPLEMENTATION_SPECIFIC_ERROR);
    }
}
