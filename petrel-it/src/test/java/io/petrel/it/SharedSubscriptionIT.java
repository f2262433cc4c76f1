package io.petrel.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.petrel.testkit.EmbeddedPetrel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    @ParameterizedTest(name = "QoS {0}")
    @ValueSource(ints = {1, 2})
    void eachMessageGoesToExactlyOneMember(int qos) {
        // MQTT 5 §4.8.2: each message of a share group goes to one member only; counted per member over many.
        String group = "$share/workers" + qos + "/jobs" + qos + "/+";
        List<Mqtt5BlockingClient> members = new ArrayList<>();
        Map<String, List<String>> received = new ConcurrentHashMap<>();
        for (String id : List.of("a", "b", "c")) {
            Mqtt5BlockingClient member = member("shared-" + qos + "-" + id);
            List<String> inbox = new CopyOnWriteArrayList<>();
            received.put(id, inbox);
            member.toAsync().publishes(MqttGlobalPublishFilter.ALL, p -> inbox.add(Clients.text(p.getPayloadAsBytes())));
            member.subscribeWith().topicFilter(group).qos(MqttQos.fromCode(qos)).send();
            // A fence through an ordinary subscription: once every member has it, every job has arrived.
            member.subscribeWith().topicFilter("fence/jobs" + qos).send();
            members.add(member);
        }
        int jobs = 150;
        for (int i = 0; i < jobs; i++) {
            publisher.publishWith().topic("jobs" + qos + "/x").qos(MqttQos.fromCode(qos))
                    .payload(Clients.bytes(Integer.toString(i))).send();
        }
        publisher.publishWith().topic("fence/jobs" + qos).payload(Clients.bytes("fence")).send();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> received.values().stream().allMatch(inbox -> inbox.contains("fence")));

        List<String> all = new ArrayList<>();
        received.forEach((id, inbox) -> {
            List<String> mine = new ArrayList<>(inbox);
            mine.remove("fence");
            assertThat(mine).as("member %s's share of the jobs", id).isNotEmpty().doesNotHaveDuplicates();
            all.addAll(mine);
        });
        assertThat(all).as("every job once, across the members").hasSize(jobs).doesNotHaveDuplicates();
        members.forEach(Mqtt5BlockingClient::disconnect);
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
    void aLeavingMembersUnacknowledgedMessagesGoToAnotherMember() throws Exception {
        // MQTT 5 §4.8.2: a QoS 1 message whose client went away may go to another member. The leaving member
        // holds one message unacknowledged, and two more wait behind its receive maximum of 1.
        Mqtt5BlockingClient leaving = Clients.hivemq(petrel, "shared-leaving").buildBlocking();
        leaving.connectWith().restrictions().receiveMaximum(1).applyRestrictions().send();
        Mqtt5BlockingClient staying = member("shared-staying");
        try (Mqtt5BlockingClient.Mqtt5Publishes inLeaving = leaving.publishes(MqttGlobalPublishFilter.ALL, true);
                Mqtt5BlockingClient.Mqtt5Publishes inStaying = staying.publishes(MqttGlobalPublishFilter.ALL)) {
            leaving.subscribeWith().topicFilter("$share/g/handover").qos(MqttQos.AT_LEAST_ONCE).send();
            for (int i = 0; i < 3; i++) {
                publisher.publishWith().topic("handover").qos(MqttQos.AT_LEAST_ONCE)
                        .payload(Clients.bytes("job" + i)).send();
            }
            assertThat(inLeaving.receive(10, TimeUnit.SECONDS)).as("received, never acknowledged").isPresent();
            staying.subscribeWith().topicFilter("$share/g/handover").qos(MqttQos.AT_LEAST_ONCE).send();
            staying.subscribeWith().topicFilter("handover/fence").send();

            leaving.disconnect();

            List<String> handedOver = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                handedOver.add(Clients.text(inStaying.receive(10, TimeUnit.SECONDS).orElseThrow().getPayloadAsBytes()));
            }
            assertThat(handedOver).containsExactlyInAnyOrder("job0", "job1", "job2");
            publisher.publishWith().topic("handover/fence").payload(Clients.bytes("fence")).send();
            assertThat(Clients.text(inStaying.receive(10, TimeUnit.SECONDS).orElseThrow().getPayloadAsBytes()))
                    .as("nothing handed over twice").isEqualTo("fence");
        }
        staying.disconnect();
    }

    private static Mqtt5BlockingClient member(String id) {
        Mqtt5BlockingClient client = Clients.hivemqBlocking(petrel, id);
        client.connect();
        return client;
    }
}
