package io.petrel.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import io.petrel.engine.EngineConfig;
import io.petrel.engine.session.SessionConfig;
import io.petrel.testkit.EmbeddedPetrel;
import io.petrel.testkit.MqttBytes.Properties;
import io.petrel.testkit.MqttPackets;
import io.petrel.testkit.RawMqttClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server's in-flight window toward a client that sets no receive maximum, and what a persistent session
 * resends when its client comes back: unacknowledged PUBLISH packets with DUP and their packet ids, PUBREL
 * where PUBREC had arrived, then the queue.
 */
class InflightRedeliveryIT {
    private static final int WINDOW = 3;

    private static EmbeddedPetrel petrel;
    private static Mqtt5BlockingClient publisher;

    @BeforeAll
    static void start() {
        petrel = EmbeddedPetrel.withConfig(EmbeddedPetrel.engine(e -> new EngineConfig(
                new SessionConfig(WINDOW, 100, false, SessionConfig.NEVER_EXPIRE), e.sysInterval(), e.version())));
        publisher = Clients.hivemqBlocking(petrel, "window-pub");
        publisher.connect();
    }

    @AfterAll
    static void stop() {
        publisher.disconnect();
        petrel.close();
    }

    @Test
    void aPaho3ClientHoldsNoMoreThanTheWindowAndGetsItResentWithDupOnReconnect() throws Exception {
        // [MQTT-4.4.0-1] unacknowledged PUBLISH packets are resent on reconnect with DUP set [MQTT-3.3.1-1], in
        // their original order [MQTT-4.6.0-2], before anything queued.
        Clients.Inbox inbox = new Clients.Inbox();
        MqttClient subscriber = Clients.paho3(petrel, "window-v3");
        subscriber.setManualAcks(true);
        subscriber.setCallback(new org.eclipse.paho.client.mqttv3.MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
            }

            @Override
            public void messageArrived(String topic, org.eclipse.paho.client.mqttv3.MqttMessage message) {
                inbox.add(topic, message.getPayload(), message.getQos(), message.isRetained(), message.isDuplicate());
                if (message.getPayload()[1] == '0') {
                    acknowledge(subscriber, message);
                }
            }

            @Override
            public void deliveryComplete(org.eclipse.paho.client.mqttv3.IMqttDeliveryToken token) {
            }
        });
        subscriber.connect(Clients.paho3Options(false));
        subscriber.subscribe("window/v3", 1);
        for (int i = 0; i < 6; i++) {
            publisher.publishWith().topic("window/v3").qos(MqttQos.AT_LEAST_ONCE).payload(Clients.bytes("m" + i))
                    .send();
        }

        // m0 is acknowledged as it arrives, which frees one slot: m1, m2 and m3 fill the window.
        List<String> firstRound = List.of(inbox.next().payload(), inbox.next().payload(), inbox.next().payload(),
                inbox.next().payload());
        assertThat(firstRound).containsExactly("m0", "m1", "m2", "m3");
        await().atMost(Duration.ofSeconds(10)).until(() -> petrel.metrics().inflightMessages() == WINDOW);
        assertThat(petrel.metrics().queuedMessages()).as("m4 and m5 wait for a free slot").isEqualTo(2);
        subscriber.disconnectForcibly(0, 1000, false);
        subscriber.close();

        MqttClient back = Clients.paho3(petrel, "window-v3");
        back.setCallback(inbox.paho3Callback());
        assertThat(back.connectWithResult(Clients.paho3Options(false)).getSessionPresent()).isTrue();
        List<Clients.Received> secondRound = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            secondRound.add(inbox.next());
        }
        assertThat(secondRound).extracting(Clients.Received::payload).containsExactly("m1", "m2", "m3", "m4", "m5");
        assertThat(secondRound).extracting(Clients.Received::duplicate).containsExactly(true, true, true, false, false);
        await().atMost(Duration.ofSeconds(10)).until(() -> petrel.metrics().inflightMessages() == 0);
        back.disconnect();
        back.close();
    }

    @Test
    void aQos2MessageIsResentWithDupBeforePubrecAndAsPubrelAfter() {
        // [MQTT-4.4.0-1] PUBLISH and PUBREL packets are resent with their original packet ids; once PUBREC has
        // arrived, the PUBLISH is never sent again [MQTT-4.3.3-5].
        try (RawMqttClient first = RawMqttClient.open(petrel, 4)) {
            first.send(MqttPackets.connect(4, "redeliver-qos2", 0, 60, Properties.none()));
            first.expect("20 02 00 00");
            first.send(MqttPackets.subscribe(4, 1, "redeliver/2", 2));
            first.expect("90 03 0001 02");
            publisher.publishWith().topic("redeliver/2").qos(MqttQos.EXACTLY_ONCE).payload(Clients.bytes("a")).send();
            publisher.publishWith().topic("redeliver/2").qos(MqttQos.EXACTLY_ONCE).payload(Clients.bytes("b")).send();
            first.expect("34 10 000b 72656465 6c697665 722f32 0001 61");
            first.expect("34 10 000b 72656465 6c697665 722f32 0002 62");
            first.send(MqttPackets.pubrec(1));
            first.expect("62 02 0001");
        }
        try (RawMqttClient second = RawMqttClient.open(petrel, 4)) {
            second.send(MqttPackets.connect(4, "redeliver-qos2", 0, 60, Properties.none()));
            second.expect("20 02 01 00");
            second.expect("62 02 0001");
            second.expect("3c 10 000b 72656465 6c697665 722f32 0002 62");
            second.send(MqttPackets.pubcomp(1), MqttPackets.pubrec(2));
            second.expect("62 02 0002");
            second.send(MqttPackets.pubcomp(2));
            second.ping();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> petrel.metrics().inflightMessages() == 0);
    }

    private static void acknowledge(MqttClient client, org.eclipse.paho.client.mqttv3.MqttMessage message) {
        try {
            client.messageArrivedComplete(message.getId(), message.getQos());
        } catch (org.eclipse.paho.client.mqttv3.MqttException e) {
            throw new IllegalStateException(e);
        }
    }
}
