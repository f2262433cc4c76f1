package io.petrel.it.security;

import static io.petrel.it.security.SecureBroker.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5SubAckException;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAck;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import io.petrel.testkit.EmbeddedPetrel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ACL refusals as real v3 and v5 clients see them, with the allowed case beside each. */
class AuthorizationIT {
    private static final String ACL = """
            user alice
            topic readwrite alice/#
            topic read public/#
            user watcher
            topic read #
            pattern write clients/%c/#
            """;

    @TempDir
    static Path dir;
    private static EmbeddedPetrel petrel;

    @BeforeAll
    static void start() throws Exception {
        petrel = SecureBroker.start(SecureBroker.security(SecureBroker.passwordFile(dir, "alice", "watcher"),
                SecureBroker.aclFile(dir, ACL), Map.of(), Set.of()));
    }

    @AfterAll
    static void stop() {
        petrel.close();
    }

    @Test
    void aRefusedSubscriptionGets0x87ForV5AndTheAllowedOneIsGranted() {
        Mqtt5BlockingClient alice = SecureBroker.connectV5(petrel, "alice-sub", "alice", PASSWORD);
        try {
            Mqtt5SubAck granted = alice.subscribeWith().topicFilter("alice/#").qos(MqttQos.AT_LEAST_ONCE).send();
            assertThat(granted.getReasonCodes()).containsExactly(Mqtt5SubAckReasonCode.GRANTED_QOS_1);
            List<Mqtt5SubAckReasonCode> codes;
            try {
                codes = alice.subscribeWith().topicFilter("secret/#").send().getReasonCodes();
            } catch (Mqtt5SubAckException e) {
                codes = e.getMqttMessage().getReasonCodes();
            }
            assertThat(codes).containsExactly(Mqtt5SubAckReasonCode.NOT_AUTHORIZED);
            // Wider than allowed: "public/#" may be read, '#' may not.
            try {
                codes = alice.subscribeWith().topicFilter("#").send().getReasonCodes();
            } catch (Mqtt5SubAckException e) {
                codes = e.getMqttMessage().getReasonCodes();
            }
            assertThat(codes).containsExactly(Mqtt5SubAckReasonCode.NOT_AUTHORIZED);
            assertThat(alice.getState().isConnected()).isTrue();
        } finally {
            alice.disconnect();
        }
        assertThat(petrel.metrics().refusals().get("SUBSCRIBE_NOT_AUTHORIZED")).isGreaterThanOrEqualTo(2);
        assertThat(petrel.server().security().metrics().get("denied_subscribe_acl")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aRefusedSubscriptionGets0x80ForV3() throws Exception {
        MqttClient alice = paho("alice-v3-sub");
        try {
            assertThat(grantedQos(alice, "public/news")).isEqualTo(1);
            assertThat(grantedQos(alice, "secret/#")).isEqualTo(0x80);
        } finally {
            alice.disconnect();
            alice.close();
        }
    }

    @Test
    void pahoV5GetsTheSameSubAckAndPubAck() throws Exception {
        MqttAsyncClient v5 = new MqttAsyncClient(petrel.tcpUri(), "alice-paho-v5",
                new org.eclipse.paho.mqttv5.client.persist.MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName("alice");
        options.setPassword(PASSWORD.getBytes(StandardCharsets.UTF_8));
        v5.connect(options).waitForCompletion(10_000);
        try {
            IMqttToken subscribed = v5.subscribe(new MqttSubscription[] {new MqttSubscription("alice/#", 1),
                    new MqttSubscription("secret/#", 1)});
            subscribed.waitForCompletion(10_000);
            assertThat(subscribed.getReasonCodes()).containsExactly(1, 0x87);
            org.eclipse.paho.mqttv5.common.MqttMessage message =
                    new org.eclipse.paho.mqttv5.common.MqttMessage(utf8("x"));
            message.setQos(1);
            IMqttToken refused = v5.publish("public/news", message);
            try {
                refused.waitForCompletion(10_000);
                assertThat(refused.getReasonCodes()).containsExactly(0x87);
            } catch (org.eclipse.paho.mqttv5.common.MqttException e) {
                assertThat(e.getReasonCode()).isEqualTo(0x87);
            }
        } finally {
            v5.disconnect().waitForCompletion(10_000);
            v5.close();
        }
    }

    @Test
    void aRefusedPublishGets0x87ForV5() {
        Mqtt5BlockingClient alice = SecureBroker.connectV5(petrel, "alice-pub", "alice", PASSWORD);
        try {
            assertThat(pubAck(alice, "alice/lamp")).isIn(Mqtt5PubAckReasonCode.SUCCESS,
                    Mqtt5PubAckReasonCode.NO_MATCHING_SUBSCRIBERS);
            assertThat(pubAck(alice, "public/news")).isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
            assertThat(pubAck(alice, "clients/alice-pub/x")).isIn(Mqtt5PubAckReasonCode.SUCCESS,
                    Mqtt5PubAckReasonCode.NO_MATCHING_SUBSCRIBERS);
        } finally {
            alice.disconnect();
        }
        assertThat(petrel.metrics().refusals().get("PUBLISH_NOT_AUTHORIZED")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aRefusedV3PublishIsAcknowledgedAndDropped() throws Exception {
        Inbox watcher = new Inbox("watcher", SecureBroker.connectV5(petrel, "watcher", "watcher", PASSWORD))
                .subscribe("#");
        MqttClient alice = paho("alice-v3-pub");
        try {
            alice.publish("public/forged", utf8("dropped"), 1, false);
            alice.publish("alice/ok", utf8("delivered"), 1, false);
            await().atMost(Duration.ofSeconds(10)).until(() -> watcher.received.contains("alice/ok=delivered"));
            assertThat(watcher.received).containsExactly("alice/ok=delivered");
            assertThat(alice.isConnected()).isTrue();
        } finally {
            alice.disconnect();
            alice.close();
            watcher.client.disconnect();
        }
    }

    private static Mqtt5PubAckReasonCode pubAck(Mqtt5BlockingClient client, String topic) {
        try {
            Mqtt5PublishResult result = client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE)
                    .payload(utf8("x")).send();
            return ((Mqtt5PublishResult.Mqtt5Qos1Result) result).getPubAck().getReasonCode();
        } catch (Mqtt5PubAckException e) {
            return e.getMqttMessage().getReasonCode();
        }
    }

    private static int grantedQos(MqttClient client, String filter) {
        try {
            return client.subscribeWithResponse(filter, 1).getGrantedQos()[0];
        } catch (MqttException e) {
            return e.getReasonCode();
        }
    }

    private static MqttClient paho(String id) throws MqttException {
        MqttClient client = new MqttClient(petrel.tcpUri(), id, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName("alice");
        options.setPassword(PASSWORD.toCharArray());
        client.connect(options);
        return client;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
