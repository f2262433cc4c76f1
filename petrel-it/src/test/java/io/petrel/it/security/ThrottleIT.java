package io.petrel.it.security;

import static io.petrel.it.security.SecureBroker.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.petrel.api.limit.ClientLimits;
import io.petrel.security.SecurityConfig;
import io.petrel.security.limit.LimitsConfig;
import io.petrel.testkit.EmbeddedPetrel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With the throttle response, a publisher over its rate is slowed down and loses nothing, even over MQTT 3. */
class ThrottleIT {
    @TempDir
    static Path dir;
    private static EmbeddedPetrel petrel;

    @BeforeAll
    static void start() throws Exception {
        SecurityConfig base = SecureBroker.security(SecureBroker.passwordFile(dir, "alice"), null, Map.of(), Set.of());
        petrel = SecureBroker.start(new SecurityConfig(base.passwordFile(), null, Set.of(), Map.of(), true, null, null,
                null, 2, 1000, Duration.ofMillis(100), base.guard(),
                new LimitsConfig(0, 0, 0, 5, 0, ClientLimits.QuotaAction.THROTTLE, 0, 0, 0, 0)));
    }

    @AfterAll
    static void stop() {
        petrel.close();
    }

    @Test
    void aV3PublisherOverItsRateIsSlowedAndEveryMessageArrives() throws Exception {
        Inbox inbox = new Inbox("sub", SecureBroker.connectV5(petrel, "throttle-sub", "alice", PASSWORD))
                .subscribe("burst/#");
        MqttClient publisher = new MqttClient(petrel.tcpUri(), "throttle-pub", new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName("alice");
        options.setPassword(PASSWORD.toCharArray());
        options.setMaxInflight(100);
        publisher.connect(options);
        try {
            for (int i = 0; i < 20; i++) {
                publisher.publish("burst/" + i, ("m" + i).getBytes(StandardCharsets.UTF_8), 1, false);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> inbox.received.size() == 20);
            assertThat(inbox.received).startsWith("burst/0=m0").endsWith("burst/19=m19").doesNotHaveDuplicates();
            assertThat(petrel.metrics().refusals().get("PUBLISH_THROTTLED")).isPositive();
            assertThat(publisher.isConnected()).isTrue();
        } finally {
            publisher.disconnect();
            publisher.close();
            inbox.client.disconnect();
        }
    }
}
