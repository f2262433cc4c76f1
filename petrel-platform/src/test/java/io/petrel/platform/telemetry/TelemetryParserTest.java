package io.petrel.platform.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.petrel.api.store.platform.KvValue;
import io.petrel.platform.Result;
import io.petrel.platform.json.JsonReader;
import io.petrel.platform.kv.KvConfig;
import io.petrel.platform.kv.KvEntry;
import io.petrel.platform.kv.KvParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The telemetry shapes of device-api.md §5. */
class TelemetryParserTest {
    private static final long NOW = 1_717_000_005_000L;
    private final TelemetryParser parser = new TelemetryParser(new KvParser(KvConfig.DEFAULT));

    private Result<TelemetryUpload> parse(String json) {
        return JsonReader.parse(json.getBytes(StandardCharsets.UTF_8)).then(value -> parser.parse(value, NOW));
    }

    private static KvEntry kv(String key, KvValue value) {
        return new KvEntry(key, value);
    }

    @Test
    void aPlainObjectGetsServerTime() {
        assertThat(parse("{\"temp\": 21.5, \"door\": \"open\"}").value().groups()).containsExactly(
                new TimedValues(NOW, List.of(kv("temp", KvValue.of(21.5)), kv("door", KvValue.of("open")))));
    }

    @Test
    void tsAndValuesGiveAnExplicitTime() {
        assertThat(parse("{\"ts\": 1717000000000, \"values\": {\"temp\": 21.5}}").value().groups())
                .containsExactly(new TimedValues(1_717_000_000_000L, List.of(kv("temp", KvValue.of(21.5)))));
    }

    @Test
    void anArrayMixesBothForms() {
        assertThat(parse("[{\"temp\": 21.5}, {\"ts\": 1717000001000, \"values\": {\"hum\": 40}}]").value().groups())
                .containsExactly(new TimedValues(NOW, List.of(kv("temp", KvValue.of(21.5)))),
                        new TimedValues(1_717_000_001_000L, List.of(kv("hum", KvValue.of(40L)))));
    }

    @Test
    void aLoneTsIsAnOrdinaryKeyValue() {
        assertThat(parse("{\"ts\": 1717000000000, \"temp\": 1}").value().groups()).containsExactly(new TimedValues(NOW,
                List.of(kv("ts", KvValue.of(1_717_000_000_000L)), kv("temp", KvValue.of(1L)))));
        assertThat(parse("{\"values\": {\"a\": 1}}").value().groups()).containsExactly(
                new TimedValues(NOW, List.of(kv("values", KvValue.json("{\"a\":1}")))));
    }

    @Test
    void metadataBesideTsAndValuesIsIgnored() {
        assertThat(parse("[{\"ts\": 5, \"values\": {\"a\": 1}, \"metadata\": {\"connector\": \"c\"}}]").value().groups())
                .containsExactly(new TimedValues(5, List.of(kv("a", KvValue.of(1L)))));
    }

    @Test
    void emptyObjectsAreAcceptedAndStoreNothing() {
        assertThat(parse("{}").value().isEmpty()).isTrue();
        assertThat(parse("[]").value().isEmpty()).isTrue();
    }

    @Test
    void wrongShapesAreProblems() {
        assertThat(parse("21.5").problem().message()).contains("object or array");
        assertThat(parse("\"x\"").problem().message()).contains("object or array");
        assertThat(parse("[{\"a\": 1}, 5]").problem().message()).contains("array element 1 is a number");
        assertThat(parse("{\"ts\": 1, \"values\": [1]}").problem().message()).contains("'values' is an array");
        assertThat(parse("{\"ts\": \"1\", \"values\": {}}").problem().message()).contains("'ts' is a string");
        assertThat(parse("{\"ts\": 1.5, \"values\": {}}").problem().message()).contains("whole number");
        assertThat(parse("{\"ts\": -1, \"values\": {}}").problem().message()).contains("negative");
        assertThat(parse("{\"ts\": 1e30, \"values\": {}}").isOk()).isFalse();
    }

    @Test
    void pointsCarryTheDeviceAndEachGroupsTime() {
        var upload = parse("[{\"a\": 1}, {\"ts\": 7, \"values\": {\"b\": true}}]").value();
        var device = java.util.UUID.randomUUID();
        assertThat(upload.points(device)).extracting(p -> p.deviceId() + " " + p.ts() + " " + p.key())
                .containsExactly(device + " " + NOW + " a", device + " 7 b");
        assertThat(upload.size()).isEqualTo(2);
    }
}
