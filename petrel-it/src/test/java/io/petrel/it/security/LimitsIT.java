package io.petrel.it.security;

import static io.petrel.it.security.SecureBroker.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5SubAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import io.petrel.api.limit.ClientLimits;
import io.petrel.security.SecurityConfig;
import io.petrel.security.limit.ConnectGuardConfig;
import io.petrel.security.limit.LimitsConfig;
import io.petrel.testkit.EmbeddedPetrel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connection, publish-rate, subscription and topic-shape limits hit by a real client, with the allowed case. */
class LimitsIT {
    @TempDir
    static Path dir;
    private static EmbeddedPetrel petrel;

    @BeforeAll
    static void start() throws Exception {
        SecurityConfig base = SecureBroker.security(SecureBroker.passwordFile(dir, "alice", "bob", "carol"), null,
                Map.of("acme", List.of("carol")), Set.of());
        SecurityConfig limited = new SecurityConfig(base.passwordFile(), null, Set.of(), base.organizations(), true,
                null, null, null, 2, 1000, Duration.ofMillis(100),
                new ConnectGuardConfig(0, 0, Duration.ofSeconds(1), Duration.ofSeconds(1), true, 1000),
                new LimitsConfig(0, 0, 2, 5, 0, ClientLimits.QuotaAction.REFUSE, 3, 0, 4, 2));
        petrel = SecureBroker.start(limited);
    }

    @AfterAll
    static void stop() {
        petrel.close();
    }

    @Test
    void connectionsPerUserAreLimited() {
        Mqtt5BlockingClient first = SecureBroker.connectV5(petrel, "bob-1", "bob", PASSWORD);
        Mqtt5BlockingClient second = SecureBroker.connectV5(petrel, "bob-2", "bob", PASSWORD);
        assertThatThrownBy(() -> SecureBroker.connectV5(petrel, "bob-3", "bob", PASSWORD))
                .isInstanceOfSatisfying(Mqtt5ConnAckException.class, e -> assertThat(e.getMqttMessage().getReasonCode())
                        .isEqualTo(Mqtt5ConnAckReasonCode.QUOTA_EXCEEDED));
        first.disconnect();
        // The slot is released when the connection ends.
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> SecureBroker.connectV5(petrel, "bob-3", "bob", PASSWORD).getState().isConnected());
        second.disconnect();
        assertThat(petrel.server().security().metrics().get("refused_max_connections_per_user")).isPositive();
    }

    @Test
    void aPublisherOverItsRateGetsQuotaExceeded() {
        Mqtt5BlockingClient alice = SecureBroker.connectV5(petrel, "alice-rate", "alice", PASSWORD);
        List<Mqtt5PubAckReasonCode> codes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            codes.add(pubAck(alice, "rate/" + i));
        }
        assertThat(codes).contains(Mqtt5PubAckReasonCode.QUOTA_EXCEEDED);
        assertThat(codes.subList(0, 5)).doesNotContain(Mqtt5PubAckReasonCode.QUOTA_EXCEEDED);
        assertThat(alice.getState().isConnected()).isTrue();
        // The bucket refills: a second later the client may publish again.
        await().atMost(Duration.ofSeconds(10)).until(() -> pubAck(alice, "rate/later") != Mqtt5PubAckReasonCode.QUOTA_EXCEEDED);
        alice.disconnect();
        assertThat(petrel.metrics().refusals().get("PUBLISH_QUOTA_EXCEEDED")).isPositive();
    }

    @Test
    void subscriptionsAndTopicLevelsAreLimited() {
        Mqtt5BlockingClient alice = SecureBroker.connectV5(petrel, "alice-subs", "alice", PASSWORD);
        for (String filter : List.of("s/1", "s/2", "s/3")) {
            assertThat(subAck(alice, filter)).isEqualTo(Mqtt5SubAckReasonCode.GRANTED_QOS_1);
        }
        assertThat(subAck(alice, "s/4")).isEqualTo(Mqtt5SubAckReasonCode.QUOTA_EXCEEDED);
        // Replacing a subscription the client holds is no new subscription.
        assertThat(subAck(alice, "s/1")).isEqualTo(Mqtt5SubAckReasonCode.GRANTED_QOS_1);
        assertThat(subAck(alice, "a/b/c/d/e")).isEqualTo(Mqtt5SubAckReasonCode.TOPIC_FILTER_INVALID);
        assertThat(pubAck(alice, "a/b/c/d/e")).isEqualTo(Mqtt5PubAckReasonCode.TOPIC_NAME_INVALID);
        alice.disconnect();
    }

    @Test
    void eachOrganizationMayHoldSoManyRetainedMessages() {
        assertThat(retain("alice", "kept/1", "a")).isNotEqualTo(Mqtt5PubAckReasonCode.QUOTA_EXCEEDED);
        assertThat(retain("alice", "kept/2", "b")).isNotEqualTo(Mqtt5PubAckReasonCode.QUOTA_EXCEEDED);
        assertThat(retain("alice", "kept/3", "c")).isEqualTo(Mqtt5PubAckReasonCode.QUOTA_EXCEEDED);
        // Replacing a retained message adds none; another organization has its own allowance.
        assertThat(retain("alice", "kept/1", "a2")).isNotEqualTo(Mqtt5PubAckReasonCode.QUOTA_EXCEEDED);
        assertThat(retain("carol", "kept/1", "c1")).isNotEqualTo(Mqtt5PubAckReasonCode.QUOTA_EXCEEDED);
        // Deleting one makes room.
        assertThat(retain("alice", "kept/2", "")).isNotEqualTo(Mqtt5PubAckReasonCode.QUOTA_EXCEEDED);
        assertThat(retain("alice", "kept/3", "c")).isNotEqualTo(Mqtt5PubAckReasonCode.QUOTA_EXCEEDED);
        assertThat(petrel.metrics().refusals().get("PUBLISH_RETAINED_QUOTA_EXCEEDED")).isEqualTo(1);
    }

    /** One retained PUBLISH on its own connection, so that the publish rate never interferes. */
    private static Mqtt5PubAckReasonCode retain(String user, String topic, String payload) {
        Mqtt5BlockingClient client = SecureBroker.connectV5(petrel, user + "-retain", user, PASSWORD);
        try {
            Mqtt5PublishResult result = client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).retain(true)
                    .payload(payload.getBytes(StandardCharsets.UTF_8)).send();
            return ((Mqtt5PublishResult.Mqtt5Qos1Result) result).getPubAck().getReasonCode();
        } catch (Mqtt5PubAckException e) {
            return e.getMqttMessage().getReasonCode();
        } finally {
            client.disconnect();
        }
    }

    private static Mqtt5PubAckReasonCode pubAck(Mqtt5BlockingClient client, String topic) {
        try {
            Mqtt5PublishResult result = client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE)
                    .payload("x".getBytes(StandardCharsets.UTF_8)).send();
            return ((Mqtt5PublishResult.Mqtt5Qos1Result) result).getPubAck().getReasonCode();
        } catch (Mqtt5PubAckException e) {
            return e.getMqttMessage().getReasonCode();
        }
    }

    private static Mqtt5SubAckReasonCode subAck(Mqtt5BlockingClient client, String filter) {
        try {
            return client.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).send().getReasonCodes().get(0);
        } catch (Mqtt5SubAckException e) {
            return e.getMqttMessage().getReasonCodes().get(0);
        }
    }
}
