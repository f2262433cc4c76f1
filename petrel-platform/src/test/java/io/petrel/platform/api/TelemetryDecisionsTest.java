package io.petrel.platform.api;

import static io.petrel.platform.testing.PlatformFixture.START;
import static io.petrel.platform.testing.PlatformFixture.publish;
import static org.assertj.core.api.Assertions.assertThat;

import io.petrel.api.store.platform.KvValue;
import io.petrel.api.store.platform.PayloadType;
import io.petrel.api.store.platform.ProvisionStrategy;
import io.petrel.api.store.platform.SortOrder;
import io.petrel.api.store.platform.TsEntry;
import io.petrel.api.store.platform.Device;
import io.petrel.platform.registry.NewDevice;
import io.petrel.platform.registry.NewProfile;
import io.petrel.platform.testing.PlatformFixture;
import io.petrel.platform.testing.RecordingDownlink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Telemetry uploads (device-api.md §5, §16) and their republishing to the streaming namespace. */
class TelemetryDecisionsTest {
    private final PlatformFixture fixture = new PlatformFixture();
    private final Device device = fixture.device("pump-7");
    private final PlatformSession session = fixture.session(device, 5, new RecordingDownlink());

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void theAcknowledgementComesOnceTheValuesAreStored() {
        PublishDecision decision = publish(session, "v1/devices/me/telemetry",
                "[{\"temp\": 21.5}, {\"ts\": 1717000001000, \"values\": {\"hum\": 40}}]", 1);
        assertThat(decision.puback()).isEqualTo(ReasonCode.SUCCESS);
        assertThat(fixture.stores.telemetry().latest(device.id())).containsExactly(
                new TsEntry(1_717_000_001_000L, "hum", KvValue.of(40L)), new TsEntry(START, "temp", KvValue.of(21.5)));
    }

    @Test
    void storedValuesAreRepublishedToTheDevicesOrganization() {
        fixture.published.clear();
        publish(session, "v1/devices/me/telemetry", "{\"temp\": 21.5, \"door\": \"open\", \"cfg\": {\"a\": 1}}", 1);
        assertThat(fixture.published.lines()).containsExactly(
                "acme device/pump-7/telemetry [{\"ts\":" + START
                        + ",\"values\":{\"temp\":21.5,\"door\":\"open\",\"cfg\":{\"a\":1}}}]",
                "acme device/pump-7/telemetry/temp 21.5",
                "acme device/pump-7/telemetry/door \"open\"",
                "acme device/pump-7/telemetry/cfg {\"a\":1}");
    }

    @Test
    void v2TopicsFollowTheProfilesFormatAndJForcesJson() {
        assertThat(publish(session, "v2/t", "{\"a\": 1}", 1).puback()).isEqualTo(ReasonCode.SUCCESS);
        assertThat(publish(session, "v2/t/j", "{\"b\": 2}", 1).puback()).isEqualTo(ReasonCode.SUCCESS);
        assertThat(fixture.stores.telemetry().latest(device.id())).extracting(TsEntry::key).containsExactly("a", "b");

        fixture.platform.registry().createProfile(new NewProfile("acme", "proto", PayloadType.PROTOBUF,
                ProvisionStrategy.DISABLED, null, null)).value();
        Device proto = fixture.platform.registry()
                .createDevice(new NewDevice("acme", "proto-1", "proto", null, false, null)).value();
        PlatformSession protoSession = fixture.session(proto, 5, new RecordingDownlink());
        assertThat(publish(protoSession, "v2/t", "{\"a\": 1}", 1).puback())
                .isEqualTo(ReasonCode.IMPLEMENTATION_SPECIFIC_ERROR);
        assertThat(publish(protoSession, "v2/t/j", "{\"a\": 1}", 1).puback()).isEqualTo(ReasonCode.SUCCESS);
    }

    @Test
    void anEmptyObjectIsAcceptedAndStoresAndPublishesNothing() {
        fixture.published.clear();
        assertThat(publish(session, "v1/devices/me/telemetry", "{}", 1).puback()).isEqualTo(ReasonCode.SUCCESS);
        assertThat(fixture.stores.telemetry().latest(device.id())).isEmpty();
        assertThat(fixture.published.lines()).filteredOn(line -> line.contains("telemetry")).isEmpty();
    }

    @Test
    void manyTinyMessagesOneKeyEachAreAllStoredInOrder() {
        // The official SDK sends one data point per PUBLISH when no rate limits are advertised (§5).
        var decisions = new java.util.ArrayList<java.util.concurrent.CompletionStage<PublishDecision>>();
        for (int i = 0; i < 500; i++) {
            fixture.time.advance(1);
            decisions.add(session.onPublish("v1/devices/me/telemetry",
                    ("[{\"n\": " + i + "}]").getBytes(java.nio.charset.StandardCharsets.UTF_8), 1));
        }
        decisions.forEach(stage -> assertThat(PlatformFixture.join(stage).puback()).isEqualTo(ReasonCode.SUCCESS));
        var points = fixture.stores.telemetry().range(device.id(), "n", 0, Long.MAX_VALUE, 1000, SortOrder.ASCENDING);
        assertThat(points).hasSize(500);
        assertThat(points.get(499).value()).isEqualTo(KvValue.of(499L));
    }
}
