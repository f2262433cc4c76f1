package io.petrel.platform.stream;

import static io.petrel.platform.testing.PlatformFixture.START;
import static io.petrel.platform.testing.PlatformFixture.publish;
import static org.assertj.core.api.Assertions.assertThat;

import io.petrel.api.Message;
import io.petrel.api.QoS;
import io.petrel.api.store.platform.Device;
import io.petrel.api.store.platform.KvValue;
import io.petrel.api.store.platform.SortOrder;
import io.petrel.api.store.platform.TsEntry;
import io.petrel.platform.api.PlatformSession;
import io.petrel.platform.api.ReasonCode;
import io.petrel.platform.kv.KvEntry;
import io.petrel.platform.telemetry.TelemetryUpload;
import io.petrel.platform.telemetry.TimedValues;
import io.petrel.platform.testing.PlatformFixture;
import io.petrel.platform.testing.RecordingDownlink;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The streaming namespace: what is republished, and devices publishing into their own namespace. */
class StreamTest {
    private final PlatformFixture fixture = new PlatformFixture();
    private final Device device = fixture.device("pump-7");

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private static String text(Message message) {
        return message.topic() + " " + new String(message.payload(), StandardCharsets.UTF_8);
    }

    @Test
    void aBatchGroupsValuesByTimestampAndEachValueGetsItsKeyTopic() {
        TelemetryUpload upload = new TelemetryUpload(List.of(
                new TimedValues(10, List.of(new KvEntry("a", KvValue.of(1L)))),
                new TimedValues(20, List.of(new KvEntry("a", KvValue.of(2L)), new KvEntry("b", KvValue.of(true)))),
                new TimedValues(10, List.of(new KvEntry("c", KvValue.of("x")))),
                new TimedValues(30, List.of())));
        List<Message> messages = StreamMessages.telemetry("d", upload);
        assertThat(messages).extracting(StreamTest::text).containsExactly(
                "device/d/telemetry [{\"ts\":10,\"values\":{\"a\":1,\"c\":\"x\"}},{\"ts\":20,\"values\":{\"a\":2,\"b\":true}}]",
                "device/d/telemetry/a 1", "device/d/telemetry/c \"x\"", "device/d/telemetry/a 2",
                "device/d/telemetry/b true");
        assertThat(messages).allSatisfy(message -> {
            assertThat(message.qos()).isEqualTo(QoS.AT_LEAST_ONCE);
            assertThat(message.retain()).isFalse();
        });
    }

    @Test
    void keysThatCannotBeTopicLevelsAreOnlyInTheBatch() {
        TelemetryUpload upload = new TelemetryUpload(List.of(
                new TimedValues(1, List.of(new KvEntry("a+b", KvValue.of(1L)), new KvEntry("c#", KvValue.of(2L))))));
        assertThat(StreamMessages.telemetry("d", upload)).extracting(Message::topic).containsExactly("device/d/telemetry");
    }

    @Test
    void statusIsRetainedOnlineStateWithTime() {
        Message status = StreamMessages.status("d", true, 42);
        assertThat(text(status)).isEqualTo("device/d/status {\"online\":true,\"ts\":42}");
        assertThat(status.retain()).isTrue();
    }

    @Test
    void connectAndDisconnectUpdateTheRetainedStatus() {
        PlatformSession session = fixture.session(device, 5, new RecordingDownlink());
        fixture.time.advance(1_000);
        session.onClose();
        assertThat(fixture.published.lines()).containsExactly(
                "acme device/pump-7/status {\"online\":true,\"ts\":" + START + "} [retained]",
                "acme device/pump-7/status {\"online\":false,\"ts\":" + (START + 1_000) + "} [retained]");
    }

    @Test
    void aDevicePublishingPlainValuesToItsOwnKeyTopicsStoresThem() {
        PlatformSession session = fixture.session(device, 5, new RecordingDownlink());
        assertThat(publish(session, "device/pump-7/telemetry/temp", "21.5", 1).puback()).isEqualTo(ReasonCode.SUCCESS);
        assertThat(publish(session, "device/pump-7/telemetry/state", "on", 1).puback()).isEqualTo(ReasonCode.SUCCESS);
        assertThat(publish(session, "device/pump-7/telemetry/cfg", "{\"a\":1}", 1).puback()).isEqualTo(ReasonCode.SUCCESS);
        assertThat(publish(session, "device/pump-7/telemetry/count", "\"12\"", 1).puback()).isEqualTo(ReasonCode.SUCCESS);
        assertThat(fixture.stores.telemetry().latest(device.id())).containsExactly(
                new TsEntry(START, "cfg", KvValue.json("{\"a\":1}")), new TsEntry(START, "count", KvValue.of(12L)),
                new TsEntry(START, "state", KvValue.of("on")), new TsEntry(START, "temp", KvValue.of(21.5)));
    }

    @Test
    void theBatchTopicTakesTelemetryShapesAndIsRepublishedInTheCanonicalForm() {
        PlatformSession session = fixture.session(device, 5, new RecordingDownlink());
        fixture.published.clear();
        assertThat(publish(session, "device/pump-7/telemetry", "{\"ts\": 5, \"values\": {\"rpm\": 900}}", 1).puback())
                .isEqualTo(ReasonCode.SUCCESS);
        assertThat(fixture.stores.telemetry().range(device.id(), "rpm", 0, 10, 10, SortOrder.ASCENDING))
                .containsExactly(new TsEntry(5, "rpm", KvValue.of(900L)));
        assertThat(fixture.published.lines()).containsExactly(
                "acme device/pump-7/telemetry [{\"ts\":5,\"values\":{\"rpm\":900}}]",
                "acme device/pump-7/telemetry/rpm 900");
    }

    @Test
    void aNullValueStoresNothingAndBadShapesArePayloadErrors() {
        PlatformSession session = fixture.session(device, 5, new RecordingDownlink());
        assertThat(publish(session, "device/pump-7/telemetry/temp", "null", 1).puback()).isEqualTo(ReasonCode.SUCCESS);
        assertThat(fixture.stores.telemetry().latest(device.id())).isEmpty();
        assertThat(publish(session, "device/pump-7/telemetry", "21.5", 1).puback())
                .isEqualTo(ReasonCode.PAYLOAD_FORMAT_INVALID);
    }

    @Test
    void anotherDevicesNamespaceIsNotTheDevicesToWrite() {
        fixture.device("pump-8");
        PlatformSession session = fixture.session(device, 5, new RecordingDownlink());
        assertThat(publish(session, "device/pump-8/telemetry/temp", "1", 1).puback()).isEqualTo(ReasonCode.NOT_AUTHORIZED);
        assertThat(publish(session, "device/pump-7/status", "{\"online\":false}", 1).puback())
                .isEqualTo(ReasonCode.TOPIC_NAME_INVALID);
    }

    @Test
    void topicParsing() {
        assertThat(StreamTopics.parseTelemetry("device/a/telemetry")).isEqualTo(new StreamTopics.TelemetryTopic("a", null));
        assertThat(StreamTopics.parseTelemetry("device/a/telemetry/k")).isEqualTo(new StreamTopics.TelemetryTopic("a", "k"));
        assertThat(StreamTopics.parseTelemetry("device/a/telemetryx")).isNull();
        assertThat(StreamTopics.parseTelemetry("device/a")).isNull();
        assertThat(StreamTopics.parseTelemetry("devices/a/telemetry")).isNull();
    }
}
