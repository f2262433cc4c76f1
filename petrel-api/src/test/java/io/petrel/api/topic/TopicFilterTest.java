package io.petrel.api.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TopicFilterTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "a/b", "#", "+", "a/#", "a/+/c", "+/+", "/", "a//b", "/#", "+/", "$SYS/#",
            "a b/ü", "$share"})
    void acceptsValidFilters(String raw) {
        TopicFilter filter = TopicFilter.parse(raw);

        assertThat(filter.filter()).isEqualTo(raw);
        assertThat(filter.isShared()).isFalse();
        assertThat(filter.raw()).isEqualTo(raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // [MQTT-4.7.3-1] at least one character.
            "",
            // [MQTT-4.7.1-1] '#' only as the whole last level.
            "a/#/b", "#/a", "a#", "a/b#", "##", "#a",
            // [MQTT-4.7.1-2] '+' only as a whole level.
            "a+", "+a", "a/+b", "a/b+/c", "++",
            // [MQTT-4.7.3-2] no U+0000.
            "a/\u0000"})
    void refusesInvalidFilters(String raw) {
        assertThatIllegalArgumentException().isThrownBy(() -> TopicFilter.parse(raw));
    }

    @Test
    void parsesASharedSubscriptionIntoItsShareNameAndFilter() {
        TopicFilter shared = TopicFilter.parse("$share/workers/jobs/+");

        assertThat(shared.isShared()).isTrue();
        assertThat(shared.shareGroup()).isEqualTo("workers");
        assertThat(shared.filter()).isEqualTo("jobs/+");
        assertThat(shared.raw()).isEqualTo("$share/workers/jobs/+");
        assertThat(TopicFilter.parse("$share/g/#").filter()).isEqualTo("#");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // [MQTT-4.8.2-1] the share name is at least one character.
            "$share//a", "$share/",
            // [MQTT-4.8.2-2] a share name without '+' or '#', then '/', then a topic filter.
            "$share/g", "$share/g/", "$share/g+/a", "$share/+/a", "$share/g#/a", "$share/#/a",
            // The filter after the share name follows the rules of every filter.
            "$share/g/a/#/b", "$share/g/a+"})
    void refusesInvalidSharedSubscriptions(String raw) {
        assertThatIllegalArgumentException().isThrownBy(() -> TopicFilter.parse(raw));
    }
}
