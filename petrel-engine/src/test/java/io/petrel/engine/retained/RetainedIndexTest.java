package io.petrel.engine.retained;

import static org.assertj.core.api.Assertions.assertThat;

import io.petrel.api.Message;
import io.petrel.api.QoS;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetainedIndexTest {
    private final RetainedIndex index = new RetainedIndex();

    @Test
    void storesOneMessagePerTopicAndReplacesIt() {
        // [MQTT-3.3.1-5] a retained PUBLISH replaces the topic's retained message.
        index.put(retained("a/b", "1"));
        index.put(retained("a/b", "2"));
        index.put(retained("a/c", "3"));

        assertThat(payload(index.get("a/b"))).isEqualTo("2");
        assertThat(index.size()).isEqualTo(2);
    }

    @Test
    void anEmptyPayloadClearsTheTopicAndIsNotStored() {
        // [MQTT-3.3.1-6] an empty retained payload removes the retained message; [MQTT-3.3.1-7] it is not
        // stored itself.
        index.put(retained("a/b", "1"));
        index.put(retained("a/b/c", "2"));
        index.put(retained("a/b", ""));
        index.put(retained("x/y", ""));

        assertThat(index.get("a/b")).isNull();
        assertThat(index.get("x/y")).isNull();
        assertThat(index.size()).isEqualTo(1);
        assertThat(matchAll("#")).containsExactly("2");
    }

    @Test
    void clearingPrunesEmptyLevels() {
        index.put(retained("a/b/c", "1"));
        index.put(retained("a/d", "2"));

        index.remove("a/b/c");
        assertThat(index.nodeCount()).as("a, a/d").isEqualTo(2);
        index.remove("a/d");
        assertThat(index.nodeCount()).isZero();
    }

    @Test
    void anExpiredMessageIsRemovedOnlyIfNothingReplacedIt() {
        Message old = retained("a", "old");
        index.put(old);
        index.removeExpired(old);
        assertThat(index.get("a")).isNull();
        assertThat(index.size()).isZero();

        index.put(old);
        index.put(retained("a", "new"));
        index.removeExpired(old);
        assertThat(payload(index.get("a"))).isEqualTo("new");
        assertThat(index.size()).isOne();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
            "#; a,a/b,a/b/c,a/d,b",
            "a/#; a,a/b,a/b/c,a/d",
            "a/b/#; a/b,a/b/c",
            "a/+; a/b,a/d",
            "+; a,b",
            "+/+/c; a/b/c",
            "a/b; a/b",
            "c/#; ",
            "$SYS/#; $SYS/uptime",
            "$SYS/+; $SYS/uptime",
    })
    void matchesWildcardFilters(String filter, String expectedTopics) {
        for (String topic : List.of("a", "a/b", "a/b/c", "a/d", "b", "$SYS/uptime")) {
            index.put(retained(topic, topic));
        }
        List<String> expected = expectedTopics == null ? List.of() : List.of(expectedTopics.split(","));
        assertThat(matchAll(filter)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void leadingWildcardsSkipDollarTopics() {
        // [MQTT-4.7.2-1]
        index.put(retained("$SYS/broker/uptime", "up"));
        index.put(retained("a/$x", "inner"));

        assertThat(matchAll("#")).containsExactly("inner");
        assertThat(matchAll("+/broker/uptime")).isEmpty();
        assertThat(matchAll("+/+")).containsExactly("inner");
    }

    private List<String> matchAll(String filter) {
        List<String> found = new ArrayList<>();
        index.match(filter, m -> found.add(payload(m)));
        return found;
    }

    private static Message retained(String topic, String payload) {
        return Message.of(topic, payload.getBytes(StandardCharsets.UTF_8), QoS.AT_LEAST_ONCE, true);
    }

    private static String payload(Message message) {
        return new String(message.payload(), StandardCharsets.UTF_8);
    }
}
