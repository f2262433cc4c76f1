package io.petrel.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.petrel.testkit.EmbeddedPetrel;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Shared subscriptions {@code $share/{group}/{filter}} with real clients. */
class SharedSubscriptionIT {
    private static EmbeddedPetrel petrel;
    private static Mqtt5BlockingClient publisher;

    @BeforeAll
    static void start() {
        petrel = EmbeddedPetrel.start();
        publisher = Clients.hivemqBlocking(petrel, "shared-pub");
        publisher.connect();
    }

    @AfterAll
    static void stop() {
        publisher.disconnect();
        petrel.close();
    }

    @Test
    void eachMessageGoesToExactlyOneMember() {
        Mqtt5BlockingClient a = member("shared-a");
        Mqtt5BlockingClient b = member("shared-b");
        List<String> fromA = new CopyOnWriteArrayList<>();
        List<String> fromB = new CopyOnWriteArrayList<>();
        a.toAsync().publishes(MqttGlobalPublishFilter.ALL, p -> fromA.add(Clients.text(p.getPayloadAsBytes())));
        b.toAsync().publishes(MqttGlobalPublishFilter.ALL, p -> fromB.add(Clients.text(p.getPayloadAsBytes())));
        a.subscribeWith().topicFilter("$share/workers/jobs/+").qos(MqttQos.AT_LEAST_ONCE).send();
        b.subscribeWith().topicFilter("$share/workers/jobs/+").qos(MqttQos.AT_LEAST_ONCE).send();
        for (int i = 0; i < 20; i++) {
            publisher.publishWith().topic("jobs/x").qos(MqttQos.AT_LEAST_ONCE).payload(Clients.bytes(Integer.toString(i)))
                    .send();
        }
        // A fence through an ordinary subscription on each member: once both have it, all jobs have arrived.
        a.subscribeWith().topicFilter("jobs/fence").send();
        b.subscribeWith().topicFilter("jobs/fence").send();
        publisher.publishWith().topic("jobs/fence").payload(Clients.bytes("fence")).send();
        await().atMost(Duration.ofSeconds(10)).until(() -> fromA.contains("fence") && fromB.contains("fence"));

        List<String> jobs = new ArrayList<>(fromA);
        jobs.addAll(fromB);
        jobs.removeIf("fence"::equals);
        assertThat(jobs).hasSize(20).doesNotHaveDuplicates();
        assertThat(fromA).hasSizeGreaterThan(1);
        assertThat(fromB).hasSizeGreaterThan(1);
        a.disconnect();
        b.disconnect();
    }

    @Test
    void aSharedSubscribeGetsNoRetainedMessage() throws Exception {
        // MQTT 5 §3.3.1.3: retained messages are sent for new non-shared subscriptions only.
        publisher.publishWith().topic("shared/retained").retain(true).payload(Clients.bytes("retained")).send();
        Mqtt5BlockingClient a = member("shared-retained");
        try (Mqtt5BlockingClient.Mqtt5Publishes in = a.publishes(MqttGlobalPublishFilter.ALL)) {
            a.subscribeWith().topicFilter("$share/g/shared/retained").send();
            publisher.publishWith().topic("shared/retained").payload(Clients.bytes("live")).send();

            assertThat(Clients.text(in.receive(10, TimeUnit.SECONDS).orElseThrow().getPayloadAsBytes())).isEqualTo("live");
        }
        a.disconnect();
    }

    @Test
    void aLeavingMembersUnacknowledgedMessageGoesToAnotherMember() throws Exception {
        // MQTT 5 §4.8.2: a QoS 1 message whose client went away may go to another member.
        Mqtt5BlockingClient leaving = member("shared-leaving");
        Mqtt5BlockingClient staying = member("shared-staying");
        try (Mqtt5BlockingClient.Mqtt5Publishes inLeaving = leaving.publishes(MqttGlobalPublishFilter.ALL, true);
                Mqtt5BlockingClient.Mqtt5Publishes inStaying = staying.publishes(MqttGlobalPublishFilter.ALL)) {
            leaving.subscribeWith().topicFilter("$share/g/handover").qos(MqttQos.AT_LEAST_ONCE).send();
            publisher.publishWith().topic("handover").qos(MqttQos.AT_LEAST_ONCE).payload(Clients.bytes("job")).send();
            assertThat(inLeaving.receive(10, TimeUnit.SECONDS)).as("received, never acknowledged").isPresent();
            staying.subscribeWith().topicFilter("$share/g/handover").qos(MqttQos.AT_LEAST_ONCE).send();

            leaving.disconnect();

            Mqtt5Publish handedOver = inStaying.receive(10, TimeUnit.SECONDS).orElseThrow();
            assertThat(Clients.text(handedOver.getPayloadAsBytes())).isEqualTo("job");
        }
        staying.disconnect();
    }

    private static Mqtt5BlockingClient member(String id) {
        Mqtt5BlockingClient client = Clients.hivemqBlocking(petrel, id);
        client.connect();
        return client;
    }
}
