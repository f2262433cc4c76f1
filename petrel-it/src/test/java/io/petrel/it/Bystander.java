package io.petrel.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.petrel.testkit.EmbeddedPetrel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A well-behaved client that stays connected while other clients misbehave, and proves on demand that the
 * server still serves it: a QoS 1 message to itself comes back.
 */
final class Bystander implements AutoCloseable {
    private final Mqtt5BlockingClient client;
    private final Mqtt5BlockingClient.Mqtt5Publishes publishes;
    private final String topic;
    private final AtomicInteger round = new AtomicInteger();

    private Bystander(Mqtt5BlockingClient client, String topic) {
        this.client = client;
        this.topic = topic;
        this.publishes = client.publishes(MqttGlobalPublishFilter.ALL);
    }

    /** Connects a bystander and subscribes it to its own topic. */
    static Bystander connect(EmbeddedPetrel petrel, String clientId) {
        Mqtt5BlockingClient client = MqttClient.builder().useMqttVersion5().identifier(clientId)
                .serverHost(petrel.host()).serverPort(petrel.port()).buildBlocking();
        client.connect();
        Bystander bystander = new Bystander(client, "bystander/" + clientId);
        client.subscribeWith().topicFilter(bystander.topic).qos(MqttQos.AT_LEAST_ONCE).send();
        return bystander;
    }

    /** Fails unless the bystander is still connected and a message it publishes reaches it. */
    void assertStillServed() throws InterruptedException {
        assertThat(client.getState().isConnected()).as("the bystander is still connected").isTrue();
        String payload = "round " + round.incrementAndGet();
        client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE)
                .payload(payload.getBytes(StandardCharsets.UTF_8)).send();
        Mqtt5Publish received = publishes.receive(10, TimeUnit.SECONDS).orElseThrow(
                () -> new AssertionError("the bystander's message did not come back"));
        assertThat(new String(received.getPayloadAsBytes(), StandardCharsets.UTF_8)).isEqualTo(payload);
    }

    @Override
    public void close() {
        publishes.close();
        client.disconnect();
    }
}
