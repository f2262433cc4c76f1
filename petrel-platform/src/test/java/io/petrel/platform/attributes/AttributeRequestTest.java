package io.petrel.platform.attributes;

import static org.assertj.core.api.Assertions.assertThat;

import io.petrel.api.store.platform.AttributeEntry;
import io.petrel.api.store.platform.KvValue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Attribute request and response shapes of device-api.md §7. */
class AttributeRequestTest {

    private static AttributeRequest parse(String json) {
        return AttributeRequest.parse(json.getBytes(StandardCharsets.UTF_8)).value();
    }

    @Test
    void keysAreCommaSeparatedStringsWithoutTrimming() {
        AttributeRequest request = parse("{\"clientKeys\": \"model,fwVersion\", \"sharedKeys\": \"targetTemp, x\"}");
        assertThat(request.clientKeys()).containsExactly("model", "fwVersion");
        assertThat(request.sharedKeys()).containsExactly("targetTemp", " x");
        assertThat(request.all()).isFalse();
    }

    @Test
    void noMemberAsksForEverythingAndOneMemberForItsScopeOnly() {
        assertThat(parse("{}").all()).isTrue();
        AttributeRequest sharedOnly = parse("{\"sharedKeys\": \"targetTemp\"}");
        assertThat(sharedOnly.all()).isFalse();
        assertThat(sharedOnly.clientKeys()).isNull();
    }

    @Test
    void anArrayOrANonObjectIsAPayloadError() {
        assertThat(AttributeRequest.parse("{\"clientKeys\": [\"model\"]}".getBytes(StandardCharsets.UTF_8))
                .problem().message()).contains("comma-separated string");
        assertThat(AttributeRequest.parse("[]".getBytes(StandardCharsets.UTF_8)).isOk()).isFalse();
        assertThat(AttributeRequest.parse("not json".getBytes(StandardCharsets.UTF_8)).isOk()).isFalse();
    }

    @Test
    void theResponseHasASectionPerScopeWithFoundKeys() {
        byte[] body = AttributeResponses.body(
                List.of(new AttributeEntry("model", KvValue.of("X1"), 1),
                        new AttributeEntry("fwVersion", KvValue.of("1.2"), 1)),
                List.of(new AttributeEntry("targetTemp", KvValue.of(22L), 1)));
        assertThat(new String(body, StandardCharsets.UTF_8))
                .isEqualTo("{\"client\":{\"model\":\"X1\",\"fwVersion\":\"1.2\"},\"shared\":{\"targetTemp\":22}}");
    }

    @Test
    void nothingFoundIsAnEmptyObject() {
        assertThat(new String(AttributeResponses.body(List.of(), List.of()), StandardCharsets.UTF_8)).isEqualTo("{}");
        assertThat(new String(AttributeResponses.body(List.of(),
                List.of(new AttributeEntry("j", KvValue.json("{\"a\":1}"), 1),
                        new AttributeEntry("d", KvValue.of(42.0), 1))), StandardCharsets.UTF_8))
                .isEqualTo("{\"shared\":{\"j\":{\"a\":1},\"d\":42.0}}");
    }
}
