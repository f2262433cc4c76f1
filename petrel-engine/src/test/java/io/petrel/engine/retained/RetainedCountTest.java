package io.petrel.engine.retained;

import static org.assertj.core.api.Assertions.assertThat;

import io.petrel.api.Message;
import io.petrel.api.QoS;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RetainedCountTest {
    private final RetainedIndex index = new RetainedIndex();

    @Test
    void countsRetainedMessagesPerSubtreeThroughAddsReplacementsAndRemovals() {
        index.put(retained("$org/acme/a", "1"));
        index.put(retained("$org/acme/a/b", "2"));
        index.put(retained("$org/beta/a", "3"));
        index.put(retained("plain", "4"));
        // Replacing is no new message.
        index.put(retained("$org/acme/a", "5"));

        assertThat(index.countUnder("$org/acme")).isEqualTo(2);
        assertThat(index.countUnder("$org/acme/a")).isEqualTo(2);
        assertThat(index.countUnder("$org/acme/a/b")).isEqualTo(1);
        assertThat(index.countUnder("$org")).isEqualTo(3);
        assertThat(index.countUnder("")).isEqualTo(4).isEqualTo(index.size());
        assertThat(index.countUnder("$org/gamma")).isZero();

        // An empty payload removes [MQTT-3.3.1-6]; so does expiry.
        index.put(retained("$org/acme/a/b", ""));
        Message beta = index.get("$org/beta/a");
        index.removeExpired(beta);
        assertThat(index.countUnder("$org/acme")).isEqualTo(1);
        assertThat(index.countUnder("$org/beta")).isZero();
        assertThat(index.countUnder("")).isEqualTo(2).isEqualTo(index.size());
        // Removing what is not there changes nothing.
        index.remove("$org/acme/nothing");
        assertThat(index.countUnder("$org")).isEqualTo(1);
    }

    private static Message retained(String topic, String payload) {
        return Message.of(topic, payload.getBytes(StandardCharsets.UTF_8), QoS.AT_MOST_ONCE, true);
    }
}
