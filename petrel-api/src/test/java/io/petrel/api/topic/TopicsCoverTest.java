package io.petrel.api.topic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopicsCoverTest {

    @ParameterizedTest
    @CsvSource({
            "#, a/b, true",
            "#, #, true",
            "#, +/#, true",
            "#, $SYS/x, false",
            "+/#, $SYS/#, false",
            "$SYS/#, $SYS/broker/uptime, true",
            "a/#, a, true",
            "a/#, a/b/#, true",
            "a/+, a/b, true",
            "a/+, a/+, true",
            "a/+, a/#, false",
            "a/+, a/b/c, false",
            "device/+/status, #, false",
            "device/+/status, device/+/status, true",
            "device/+/status, device/d1/status, true",
            "device/+/status, device/+/+, false",
            "device/+/telemetry/#, device/d1/telemetry, true",
            "device/+/telemetry/#, device/+/telemetry/temp/#, true",
            "device/+/telemetry/#, device/#, false",
            "a/b, a/b, true",
            "a/b, a/c, false",
            "a/b, a, false",
            "a, a/b, false",
            "+, a, true",
            "+, a/b, false",
    })
    void coversWhenEveryMatchingTopicIsAlsoMatched(String outer, String inner, boolean expected) {
        assertThat(Topics.covers(outer, inner)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "#, secret/x, true",
            "#, $SYS/#, false",
            "secret/#, #, true",
            "secret/#, +/x, true",
            "secret/#, public/#, false",
            "a/+/c, a/b/+, true",
            "a/+/c, a/b/d, false",
            "a/b, a/b/#, true",
            "a/b, a/b/+, false",
            "a, a/+, false",
            "+/+, a, false",
            "$SYS/#, +/broker, false",
            "$SYS/#, $SYS/broker, true",
    })
    void overlapsWhenSomeTopicMatchesBoth(String a, String b, boolean expected) {
        assertThat(Topics.overlaps(a, b)).isEqualTo(expected);
        assertThat(Topics.overlaps(b, a)).isEqualTo(expected);
    }
}
