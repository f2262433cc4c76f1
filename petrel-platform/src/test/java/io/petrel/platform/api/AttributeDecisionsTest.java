package io.petrel.platform.api;

import static io.petrel.platform.testing.PlatformFixture.join;
import static io.petrel.platform.testing.PlatformFixture.publish;
import static org.assertj.core.api.Assertions.assertThat;

import io.petrel.api.QoS;
import io.petrel.api.store.platform.AttributeEntry;
import io.petrel.api.store.platform.AttributeScope;
import io.petrel.api.store.platform.Device;
import io.petrel.api.store.platform.KvValue;
import io.petrel.platform.kv.KvEntry;
import io.petrel.platform.testing.PlatformFixture;
import io.petrel.platform.testing.RecordingDownlink;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Client attributes (device-api.md §6), attribute requests (§7) and shared-attribute pushes (§8). */
class AttributeDecisionsTest {
    private final PlatformFixture fixture = new PlatformFixture();
    private final Device device = fixture.device("thermo");
    private final RecordingDownlink downlink = new RecordingDownlink();
    private final PlatformSession session = fixture.session(device, 5, downlink);

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private void shared(KvEntry... entries) {
        join(fixture.platform.attributes().save(device.id(), AttributeScope.SHARED, List.of(entries)));
    }

    @Test
    void clientAttributesAreUpsertedInClientScope() {
        assertThat(publish(session, "v1/devices/me/attributes", "{\"model\": \"X1\", \"fw\": 1}", 1).puback())
                .isEqualTo(ReasonCode.SUCCESS);
        assertThat(publish(session, "v2/a", "{\"fw\": 2}", 1).puback()).isEqualTo(ReasonCode.SUCCESS);
        assertThat(fixture.attributes(device.id(), AttributeScope.CLIENT)).extracting(AttributeEntry::key,
                AttributeEntry::value).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("fw", KvValue.of(2L)),
                        org.assertj.core.groups.Tuple.tuple("model", KvValue.of("X1")));
        assertThat(fixture.attributes(device.id(), AttributeScope.SHARED)).isEmpty();
        assertThat(publish(session, "v1/devices/me/attributes", "[{\"a\":1}]", 1).puback())
                .isEqualTo(ReasonCode.PAYLOAD_FORMAT_INVALID);
    }

    @Test
    void aRequestIsAcknowledgedThenAnsweredWithTheFoundKeys() {
        publish(session, "v1/devices/me/attributes", "{\"model\": \"X1\", \"fwVersion\": \"1.2\"}", 1);
        shared(new KvEntry("targetTemp", KvValue.of(22L)));
        PublishDecision decision = publish(session, "v1/devices/me/attributes/request/1",
                "{\"clientKeys\": \"model,fwVersion,missing\", \"sharedKeys\": \"targetTemp\"}", 1);
        assertThat(decision.puback()).isEqualTo(ReasonCode.SUCCESS);
        // "1.2" was stored as the number 1.2: numeric strings are type-cast (device-api.md §3).
        assertThat(decision.then()).extracting(RecordingDownlink::line).containsExactly(
                "v1/devices/me/attributes/response/1 {\"client\":{\"fwVersion\":1.2,\"model\":\"X1\"},"
                        + "\"shared\":{\"targetTemp\":22}}");
        assertThat(decision.then().get(0).qos()).as("answered without a subscription, at QoS 1")
                .isEqualTo(QoS.AT_LEAST_ONCE);
    }

    @Test
    void anEmptyRequestReturnsEverythingAndOneScopeOnlyThatScope() {
        publish(session, "v1/devices/me/attributes", "{\"model\": \"X1\"}", 1);
        shared(new KvEntry("mode", KvValue.of("eco")));
        assertThat(publish(session, "v1/devices/me/attributes/request/2", "{}", 1).then())
                .extracting(RecordingDownlink::line)
                .containsExactly("v1/devices/me/attributes/response/2 {\"client\":{\"model\":\"X1\"},\"shared\":{\"mode\":\"eco\"}}");
        assertThat(publish(session, "v1/devices/me/attributes/request/3", "{\"sharedKeys\": \"mode\"}", 1).then())
                .extracting(RecordingDownlink::line)
                .containsExactly("v1/devices/me/attributes/response/3 {\"shared\":{\"mode\":\"eco\"}}");
        assertThat(publish(session, "v1/devices/me/attributes/request/4", "{\"sharedKeys\": \"nothing\"}", 1).then())
                .extracting(RecordingDownlink::line).containsExactly("v1/devices/me/attributes/response/4 {}");
    }

    @Test
    void theV2RequestTopicDecidesTheResponseTopic() {
        assertThat(publish(session, "v2/a/req/7", "{}", 1).then()).extracting(Outbound::topic)
                .containsExactly("v2/a/res/7");
        assertThat(publish(session, "v2/a/req/j/8", "{}", 0).then()).extracting(Outbound::topic)
                .containsExactly("v2/a/res/j/8");
        assertThat(publish(session, "v1/devices/me/attributes/request/9", "{}", 1).then()).extracting(Outbound::topic)
                .containsExactly("v1/devices/me/attributes/response/9");
    }

    @Test
    void theAnswerUsesTheGrantedQosOfAMatchingSubscription() {
        session.onSubscribe(List.of(new Subscription("v1/devices/me/attributes/response/+", 0)));
        assertThat(publish(session, "v1/devices/me/attributes/request/1", "{}", 1).then().get(0).qos())
                .isEqualTo(QoS.AT_MOST_ONCE);
    }

    @Test
    void aSharedSaveIsPushedAsOneMessageToEverySubscribedSession() {
        Device multi = fixture.device("multi");
        fixture.close();
        PlatformFixture two = new PlatformFixture(io.petrel.platform.PlatformConfig.DEFAULTS.withMaxSessionsPerDevice(2),
                io.petrel.platform.rpc.ClientRpcService.unsupported());
        try {
            Device d = two.device("multi");
            RecordingDownlink first = new RecordingDownlink();
            RecordingDownlink second = new RecordingDownlink();
            RecordingDownlink unsubscribed = new RecordingDownlink();
            two.session(d, 5, first).onSubscribe(List.of(new Subscription("v1/devices/me/attributes", 1)));
            two.session(d, 5, second).onSubscribe(List.of(new Subscription("v2/a/j", 0)));
            join(two.platform.attributes().save(d.id(), AttributeScope.SHARED, List.of(
                    new KvEntry("fw_title", KvValue.of("fw")), new KvEntry("fw_version", KvValue.of("1.1")),
                    new KvEntry("fw_size", KvValue.of(1024L)))));
            String body = "{\"fw_title\":\"fw\",\"fw_version\":\"1.1\",\"fw_size\":1024}";
            assertThat(first.lines()).containsExactly("v1/devices/me/attributes " + body);
            assertThat(first.sent().get(0).qos()).isEqualTo(QoS.AT_LEAST_ONCE);
            assertThat(second.lines()).containsExactly("v2/a/j " + body);
            assertThat(second.sent().get(0).qos()).isEqualTo(QoS.AT_MOST_ONCE);
            assertThat(unsubscribed.sent()).isEmpty();
            assertThat(multi.name()).isEqualTo("multi");
        } finally {
            two.close();
        }
    }

    @Test
    void deletionsArePushedAsDeletedKeys() {
        session.onSubscribe(List.of(new Subscription("v1/devices/me/attributes", 1)));
        shared(new KvEntry("mode", KvValue.of("eco")), new KvEntry("oldKey", KvValue.of(1L)));
        downlink.clear();
        join(fixture.platform.attributes().delete(device.id(), AttributeScope.SHARED, List.of("mode", "oldKey", "none")));
        assertThat(downlink.lines()).containsExactly("v1/devices/me/attributes {\"deleted\":[\"mode\",\"oldKey\"]}");
    }

    @Test
    void clientAndServerChangesAreNeverPushed() {
        session.onSubscribe(List.of(new Subscription("v1/devices/me/attributes", 1)));
        publish(session, "v1/devices/me/attributes", "{\"a\": 1}", 1);
        join(fixture.platform.attributes().save(device.id(), AttributeScope.SERVER,
                List.of(new KvEntry("b", KvValue.of(2L)))));
        assertThat(downlink.sent()).isEmpty();
    }

    @Test
    void unsubscribingStopsPushes() {
        session.onSubscribe(List.of(new Subscription("v1/devices/me/attributes", 1)));
        assertThat(session.onUnsubscribe(List.of("v1/devices/me/attributes", "v2/a")))
                .containsExactly(ReasonCode.SUCCESS, ReasonCode.NO_SUBSCRIPTION_EXISTED);
        shared(new KvEntry("mode", KvValue.of("eco")));
        assertThat(downlink.sent()).isEmpty();
    }
}
