package io.petrel.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.petrel.testkit.EmbeddedPetrel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * MQTT 3.1 (protocol level 3, "MQIsdp") with Paho's MQTT 3.1 mode: the protocol older devices still speak,
 * at every QoS, to and from clients of the other levels, with persistent sessions, retained messages and wills.
 */
class Mqtt31IT {
    private static EmbeddedPetrel petrel;

    @BeforeAll
    static void start() {
        petrel = EmbeddedPetrel.start();
    }

    @AfterAll
    static void stop() {
        petrel.close();
    }

    @ParameterizedTest(name = "QoS {0}")
    @ValueSource(ints = {0, 1, 2})
    void anMqtt31ClientPublishesToMqtt31AndMqtt5Subscribers(int qos) throws Exception {
        String topic = "v31/out/" + qos;
        Clients.Inbox inbox = new Clients.Inbox();
        MqttClient subscriber = paho31("v31-sub-" + qos);
        subscriber.setCallback(inbox.paho3Callback());
        subscriber.connect(options(true));
        subscriber.subscribe(topic, 2);
        Mqtt5BlockingClient v5 = Clients.hivemqBlocking(petrel, "v31-v5-sub-" + qos);
        v5.connect();
        try (Mqtt5BlockingClient.Mqtt5Publishes v5In = v5.publishes(MqttGlobalPublishFilter.ALL)) {
            v5.subscribeWith().topicFilter(topic).qos(MqttQos.EXACTLY_ONCE).send();
            MqttClient publisher = paho31("v31-pub-" + qos);
            publisher.connect(options(true));
            for (int i = 0; i < 3; i++) {
                publisher.publish(topic, Clients.bytes("m" + i), qos, false);
            }
            publisher.disconnect();
            publisher.close();

            for (int i = 0; i < 3; i++) {
                Clients.Received received = inbox.next();
                assertThat(received.payload()).isEqualTo("m" + i);
                assertThat(received.qos()).isEqualTo(qos);
                Mqtt5Publish fromV31 = v5In.receive(10, TimeUnit.SECONDS).orElseThrow();
                assertThat(Clients.text(fromV31.getPayloadAsBytes())).isEqualTo("m" + i);
                assertThat(fromV31.getQos().getCode()).isEqualTo(qos);
            }
        }
        v5.disconnect();
        subscriber.disconnect();
        subscriber.close();
    }

    @ParameterizedTest(name = "QoS {0}")
    @ValueSource(ints = {0, 1, 2})
    void anMqtt31ClientReceivesFromAnMqtt5Publisher(int qos) throws Exception {
        String topic = "v31/in/" + qos;
        Clients.Inbox inbox = new Clients.Inbox();
        MqttClient subscriber = paho31("v31-in-" + qos);
        subscriber.setCallback(inbox.paho3Callback());
        subscriber.connect(options(true));
        subscriber.subscribe(topic, qos);

        Mqtt5BlockingClient publisher = Clients.hivemqBlocking(petrel, "v31-in-pub-" + qos);
        publisher.connect();
        publisher.publishWith().topic(topic).qos(MqttQos.fromCode(qos)).payload(Clients.bytes("to 3.1")).send();
        publisher.disconnect();

        Clients.Received received = inbox.next();
        assertThat(received.topic()).isEqualTo(topic);
        assertThat(received.payload()).isEqualTo("to 3.1");
        assertThat(received.qos()).isEqualTo(qos);
        subscriber.disconnect();
        subscriber.close();
    }

    @Test
    void aPersistentMqtt31SessionGetsWhatWasPublishedWhileItWasAway() throws Exception {
        Clients.Inbox inbox = new Clients.Inbox();
        MqttClient subscriber = paho31("v31-persistent");
        subscriber.setCallback(inbox.paho3Callback());
        subscriber.connect(options(false));
        subscriber.subscribe("v31/persistent", 1);
        subscriber.disconnect();

        MqttClient publisher = paho31("v31-persistent-pub");
        publisher.connect(options(true));
        publisher.publish("v31/persistent", Clients.bytes("while away 1"), 1, false);
        publisher.publish("v31/persistent", Clients.bytes("while away 2"), 2, false);
        publisher.disconnect();
        publisher.close();

        // MQTT 3.1 has no session present flag, so the CONNACK never claims one; the session is resumed anyway.
        assertThat(subscriber.connectWithResult(options(false)).getSessionPresent()).isFalse();
        List<String> payloads = new ArrayList<>(List.of(inbox.next().payload(), inbox.next().payload()));
        assertThat(payloads).containsExactly("while away 1", "while away 2");
        subscriber.disconnect();
        subscriber.close();
    }

    @Test
    void anMqtt31SubscriberGetsTheRetainedMessageWithTheRetainFlag() throws Exception {
        MqttClient publisher = paho31("v31-retain-pub");
        publisher.connect(options(true));
        publisher.publish("v31/retained", Clients.bytes("kept"), 1, true);
        publisher.disconnect();
        publisher.close();

        Clients.Inbox inbox = new Clients.Inbox();
        MqttClient subscriber = paho31("v31-retain-sub");
        subscriber.setCallback(inbox.paho3Callback());
        subscriber.connect(options(true));
        subscriber.subscribe("v31/+", 1);

        Clients.Received received = inbox.next();
        assertThat(received.payload()).isEqualTo("kept");
        assertThat(received.retained()).isTrue();
        subscriber.disconnect();
        subscriber.close();
    }

    @Test
    void anMqtt31ConnectionLostWithoutDisconnectPublishesItsWill() throws Exception {
        Mqtt5BlockingClient watcher = Clients.hivemqBlocking(petrel, "v31-will-watcher");
        watcher.connect();
        try (Mqtt5BlockingClient.Mqtt5Publishes wills = watcher.publishes(MqttGlobalPublishFilter.ALL)) {
            watcher.subscribeWith().topicFilter("v31/will").qos(MqttQos.AT_LEAST_ONCE).send();
            MqttClient client = paho31("v31-will");
            MqttConnectOptions options = options(true);
            options.setWill("v31/will", Clients.bytes("3.1 gone"), 1, false);
            client.connect(options);
            client.disconnectForcibly(0, 1000, false);

            Mqtt5Publish will = wills.receive(10, TimeUnit.SECONDS).orElseThrow();
            assertThat(Clients.text(will.getPayloadAsBytes())).isEqualTo("3.1 gone");
            assertThat(will.getQos()).isEqualTo(MqttQos.AT_LEAST_ONCE);
            client.close();
        }
        watcher.disconnect();
    }

    private static MqttClient paho31(String clientId) throws Exception {
        return Clients.paho3(petrel, clientId);
    }

    private static MqttConnectOptions options(boolean cleanSession) {
        MqttConnectOptions options = Clients.paho3Options(cleanSession);
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1);
        return options;
    }
}
