package io.petrel.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.petrel.testkit.EmbeddedPetrel;
import io.petrel.testkit.MqttBytes;
import io.petrel.testkit.MqttBytes.Properties;
import io.petrel.testkit.RawMqttClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Invalid topic filters in a SUBSCRIBE, as bytes, since real client libraries refuse to send them: each is
 * refused in its own SUBACK slot while the valid filters of the same packet are granted, no subscription is
 * made for it, and the connection goes on.
 */
class SubscribeFiltersIT {
    /** Valid filters first, then one invalid filter for each rule, with the QoS each one asks for. */
    private static final List<String> FILTERS = List.of(
            "ok/+", "$share/g/ok/#",
            "a/#/b", "#/a", "a/b#", "a+", "+a/b", "a/+b", "",
            "$share/g", "$share/g/", "$share//a", "$share/g+/a", "$share/g#/a", "$share/g/a/#/b");

    private static EmbeddedPetrel petrel;

    @BeforeAll
    static void start() {
        petrel = EmbeddedPetrel.start();
    }

    @AfterAll
    static void stop() {
        petrel.close();
    }

    @Test
    void mqtt5RefusesEachInvalidFilterWithTopicFilterInvalid() {
        // [MQTT-3.8.4-5] each filter as if in its own SUBSCRIBE; [MQTT-3.8.4-6] one reason code each, in order;
        // 0x8F Topic Filter invalid for [MQTT-4.7.1-1] [MQTT-4.7.1-2] [MQTT-4.7.3-1] [MQTT-4.8.2-1] [MQTT-4.8.2-2].
        assertSubAck(5, "01 00" + " 8f".repeat(FILTERS.size() - 2));
    }

    @Test
    void mqtt311RefusesEachInvalidFilterWithTheFailureCode() {
        // MQTT 3.1.1 [MQTT-3.8.4-5] [MQTT-3.9.3-1] one return code each; 0x80 is the only failure code.
        assertSubAck(4, "01 00" + " 80".repeat(FILTERS.size() - 2));
    }

    private static void assertSubAck(int level, String codes) {
        // The other test's session ends when its client closes, and takes its subscriptions with it.
        await().atMost(Duration.ofSeconds(10)).until(() -> petrel.engine().subscriptions().size() == 0);
        try (RawMqttClient client = BadInput.connected(petrel, level, "filters-" + level)) {
            MqttBytes subscribe = MqttBytes.body().u16(9);
            if (level == 5) {
                subscribe.properties(Properties.none());
            }
            for (String filter : FILTERS) {
                subscribe.utf8(filter).u8(filter.startsWith("ok") ? 1 : 0);
            }
            client.send(subscribe.packet(0x82));

            int length = 2 + (level == 5 ? 1 : 0) + FILTERS.size();
            client.expect("90 " + String.format("%02x", length) + " 0009" + (level == 5 ? " 00 " : " ") + codes);
            assertThat(petrel.engine().subscriptions().size()).as("only the valid filters subscribed")
                    .isEqualTo(2);
            client.ping();
        }
    }
}
