package io.petrel.platform.kv;

import static org.assertj.core.api.Assertions.assertThat;

import io.petrel.api.store.platform.KvValue;
import io.petrel.platform.Result;
import io.petrel.platform.json.Json;
import io.petrel.platform.json.JsonReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The value typing table and number rule of device-api.md §3. */
class KvTypingTest {
    private final KvParser parser = new KvParser(KvConfig.DEFAULT);

    private Result<List<KvEntry>> parse(KvParser kv, String json) {
        return kv.parse((Json.Obj) JsonReader.parse(json.getBytes(StandardCharsets.UTF_8)).value());
    }

    private KvValue typed(String literal) {
        List<KvEntry> entries = parse(parser, "{\"k\": " + literal + "}").value();
        assertThat(entries).hasSize(1);
        return entries.get(0).value();
    }

    @ParameterizedTest(name = "{0} -> LONG {1}")
    @CsvSource(delimiter = '|', value = {
        "73 | 73",
        "1e3 | 1000",
        "1.5E1 | 15",
        "4.2E1 | 42",
        "4.20E1 | 42",
        "-0 | 0",
        "9223372036854775807 | 9223372036854775807",
        "-9223372036854775808 | -9223372036854775808",
        "\"73\" | 73",
        "\"1e3\" | 1000"})
    void integralNumbersAreLong(String literal, long expected) {
        assertThat(typed(literal)).isEqualTo(KvValue.of(expected));
    }

    @ParameterizedTest(name = "{0} -> DOUBLE {1}")
    @CsvSource(delimiter = '|', value = {
        "42.0 | 42.0",
        "1.5 | 1.5",
        "2.5e-3 | 0.0025",
        "-21.125 | -21.125",
        "0.1234567890123456 | 0.1234567890123456",
        "\"21.5\" | 21.5",
        "\"42.0\" | 42.0"})
    void otherNumbersAreDouble(String literal, double expected) {
        assertThat(typed(literal)).isEqualTo(KvValue.of(expected));
    }

    @ParameterizedTest(name = "{0} -> STRING {1}")
    @CsvSource(delimiter = '|', value = {
        // More than 16 fractional digits: a double cannot keep them, so the plain decimal is kept as text.
        "0.12345678901234567 | 0.12345678901234567",
        "1.5e-20 | 0.000000000000000000015",
        // Integers outside int64 keep their digits.
        "9223372036854775808 | 9223372036854775808",
        "-9223372036854775809 | -9223372036854775809",
        "1e30 | 1000000000000000000000000000000",
        // Strings that are no JSON number stay text.
        "\"open\" | open",
        "\"007\" | 007",
        "\"+5\" | +5",
        "\".5\" | .5",
        "\"1.\" | 1.",
        "\" 5\" | ' 5'"})
    void textAndNumbersTooLargeAreString(String literal, String expected) {
        assertThat(typed(literal)).isEqualTo(KvValue.of(expected));
    }

    @Test
    void booleansObjectsAndArrays() {
        assertThat(typed("true")).isEqualTo(KvValue.of(true));
        assertThat(typed("false")).isEqualTo(KvValue.of(false));
        assertThat(typed("{\"a\": [1, 2.50]}")).isEqualTo(KvValue.json("{\"a\":[1,2.50]}"));
        assertThat(typed("[]")).isEqualTo(KvValue.json("[]"));
        assertThat(typed("\"true\"")).as("a boolean in a string stays a string").isEqualTo(KvValue.of("true"));
    }

    @Test
    void nullMembersAreSkippedWithoutError() {
        assertThat(parse(parser, "{\"a\": null, \"b\": 1}").value()).containsExactly(new KvEntry("b", KvValue.of(1L)));
    }

    @Test
    void typeCastCanBeSwitchedOff() {
        KvParser noCast = new KvParser(new KvConfig(false, 0));
        assertThat(parse(noCast, "{\"k\": \"21.5\"}").value()).containsExactly(new KvEntry("k", KvValue.of("21.5")));
    }

    @Test
    void anOverLongStringMakesTheWholeMessageInvalid() {
        KvParser limited = new KvParser(new KvConfig(true, 5));
        assertThat(parse(limited, "{\"ok\": \"12345\", \"long\": \"123456\"}").problem().message())
                .contains("'long'").contains("5 characters");
    }

    @Test
    void emptyKeysAndAbsurdMagnitudesAreProblems() {
        assertThat(parse(parser, "{\"\": 1}").problem().message()).contains("key must not be empty");
        assertThat(parse(parser, "{\"k\": 1e999999999}").problem().message()).contains("out of range");
        assertThat(parse(parser, "{\"k\": 1e-999999999}").problem().message()).contains("out of range");
    }
}
