package io.petrel.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.petrel.testkit.EmbeddedPetrel;
import io.petrel.testkit.MqttBytes.Properties;
import io.petrel.testkit.MqttPackets;
import io.petrel.testkit.RawMqttClient;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** QoS 0, 1 and 2 in both directions between every pair of client libraries, and the QoS downgrade. */
class QosIT {
    private static EmbeddedPetrel petrel;

    @BeforeAll
    static void start() {
        petrel = EmbeddedPetrel.start();
    }

    @AfterAll
    static void stop() {
        petrel.close();
    }

    @ParameterizedTest(name = "publish at {0}, subscribe at {1}: receive at {2}")
    @CsvSource({"0,0,0", "1,1,1", "2,2,2", "2,1,1", "2,0,0", "1,2,1", "0,2,0"})
    void paho3ToHivemq(int publishQos, int subscribeQos, int expectedQos) throws Exception {
        // [MQTT-3.8.4-8] delivered at the lower of the published and the granted QoS.
        String topic = "qos/p3h/" + publishQos + subscribeQos;
        Mqtt5BlockingClient subscriber = Clients.hivemqBlocking(petrel, "qos-h-" + publishQos + subscribeQos);
        subscriber.connect();
        try (Mqtt5BlockingClient.Mqtt5Publishes publishes = subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
            subscriber.subscribeWith().topicFilter(topic).qos(MqttQos.fromCode(subscribeQos)).send();
            MqttClient publisher = Clients.paho3(petrel, "qos-p3-" + publishQos + subscribeQos);
            publisher.connect(Clients.paho3Options(true));
            for (int i = 0; i < 5; i++) {
                publisher.publish(topic, Clients.bytes("m" + i), publishQos, false);
            }
            publisher.disconnect();
            publisher.close();

            List<String> payloads = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                Mqtt5Publish received = publishes.receive(10, TimeUnit.SECONDS).orElseThrow();
                assertThat(received.getQos().getCode()).isEqualTo(expectedQos);
                payloads.add(Clients.text(received.getPayloadAsBytes()));
            }
            assertThat(payloads).containsExactly("m0", "m1", "m2", "m3", "m4");
        } finally {
            subscriber.disconnect();
        }
    }

    @ParameterizedTest(name = "publish at {0}, subscribe at {1}: receive at {2}")
    @CsvSource({"0,0,0", "1,1,1", "2,2,2", "2,1,1", "1,0,0"})
    void hivemqToPaho3AndPaho5(int publishQos, int subscribeQos, int expectedQos) throws Exception {
        String topic = "qos/hp/" + publishQos + subscribeQos;
        Clients.Inbox inbox3 = new Clients.Inbox();
        MqttClient v3 = Clients.paho3(petrel, "qos-v3-" + publishQos + subscribeQos);
        v3.setCallback(new org.eclipse.paho.client.mqttv3.MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
            }

            @Override
            public void messageArrived(String t, org.eclipse.paho.client.mqttv3.MqttMessage m) {
                inbox3.add(t, m.getPayload(), m.getQos(), m.isRetained(), m.isDuplicate());
            }

            @Override
            public void deliveryComplete(org.eclipse.paho.client.mqttv3.IMqttDeliveryToken token) {
            }
        });
        v3.connect(Clients.paho3Options(true));
        v3.subscribe(topic, subscribeQos);

        Clients.Inbox inbox5 = new Clients.Inbox();
        org.eclipse.paho.mqttv5.client.MqttClient v5 = Clients.paho5(petrel, "qos-v5-" + publishQos + subscribeQos);
        v5.connect(Clients.paho5Options(true));
        v5.subscribe(new org.eclipse.paho.mqttv5.common.MqttSubscription[] {
                new org.eclipse.paho.mqttv5.common.MqttSubscription(topic, subscribeQos)},
                new org.eclipse.paho.mqttv5.client.IMqttMessageListener[] {
                        (t, m) -> inbox5.add(t, m.getPayload(), m.getQos(), m.isRetained(), m.isDuplicate())});

        Mqtt5BlockingClient publisher = Clients.hivemqBlocking(petrel, "qos-hp-" + publishQos + subscribeQos);
        publisher.connect();
        for (int i = 0; i < 5; i++) {
            publisher.publishWith().topic(topic).qos(MqttQos.fromCode(publishQos)).payload(Clients.bytes("m" + i)).send();
        }
        publisher.disconnect();

        for (Clients.Inbox inbox : List.of(inbox3, inbox5)) {
            for (int i = 0; i < 5; i++) {
                Clients.Received received = inbox.next();
                assertThat(received.payload()).isEqualTo("m" + i);
                assertThat(received.qos()).isEqualTo(expectedQos);
                assertThat(received.duplicate()).isFalse();
            }
        }
        v3.disconnect();
        v3.close();
        v5.disconnect();
        v5.close();
    }

    @ParameterizedTest(name = "publish at {0}")
    @CsvSource({"0", "1", "2"})
    void paho5ToPaho3(int qos) throws Exception {
        String topic = "qos/p5p3/" + qos;
        Clients.Inbox inbox = new Clients.Inbox();
        MqttClient subscriber = Clients.paho3(petrel, "qos-p5p3-sub-" + qos);
        subscriber.connect(Clients.paho3Options(true));
        subscriber.subscribe(topic, 2, (t, m) -> inbox.add(t, m.getPayload(), m.getQos(), m.isRetained(), m.isDuplicate()));

        org.eclipse.paho.mqttv5.client.MqttClient publisher = Clients.paho5(petrel, "qos-p5p3-pub-" + qos);
        publisher.connect(Clients.paho5Options(true));
        for (int i = 0; i < 3; i++) {
            publisher.publish(topic, Clients.bytes("m" + i), qos, false);
        }
        publisher.disconnect();
        publisher.close();

        for (int i = 0; i < 3; i++) {
            Clients.Received received = inbox.next();
            assertThat(received.payload()).isEqualTo("m" + i);
            assertThat(received.qos()).isEqualTo(qos);
        }
        subscriber.disconnect();
        subscriber.close();
    }

    @Test
    void aResentQos2PublishIsForwardedOnlyOnce() throws Exception {
        // [MQTT-4.3.3-10] until PUBREL, a PUBLISH with the same packet id is acknowledged again with PUBREC
        // and never delivered twice. A raw MQTT 3.1.1 client resends the PUBLISH with DUP set.
        Mqtt5BlockingClient subscriber = Clients.hivemqBlocking(petrel, "qos2-once-sub");
        subscriber.connect();
        try (Mqtt5BlockingClient.Mqtt5Publishes publishes = subscriber.publishes(MqttGlobalPublishFilter.ALL);
                Socket socket = new Socket(petrel.host(), petrel.port())) {
            subscriber.subscribeWith().topicFilter("qos2/once").qos(MqttQos.EXACTLY_ONCE).send();
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(new byte[] {0x10, 0x14, 0x00, 0x04, 'M', 'Q', 'T', 'T', 0x04, 0x02, 0x00, 0x3C,
                    0x00, 0x08, 'r', 'a', 'w', '-', 'q', 'o', 's', '2'});
            assertThat(in.readNBytes(4)).containsExactly(0x20, 0x02, 0x00, 0x00);
            byte[] publish = {0x34, 0x0E, 0x00, 0x09, 'q', 'o', 's', '2', '/', 'o', 'n', 'c', 'e', 0x00, 0x05, 'x'};
            out.write(publish);
            assertThat(in.readNBytes(4)).as("PUBREC").containsExactly(0x50, 0x02, 0x00, 0x05);
            publish[0] = 0x3C;
            out.write(publish);
            assertThat(in.readNBytes(4)).as("PUBREC again").containsExactly(0x50, 0x02, 0x00, 0x05);
            out.write(new byte[] {0x62, 0x02, 0x00, 0x05});
            assertThat(in.readNBytes(4)).as("PUBCOMP").containsExactly(0x70, 0x02, 0x00, 0x05);

            Mqtt5BlockingClient fence = Clients.hivemqBlocking(petrel, "qos2-once-fence");
            fence.connect();
            fence.publishWith().topic("qos2/once").qos(MqttQos.EXACTLY_ONCE).payload(Clients.bytes("fence")).send();
            fence.disconnect();

            assertThat(Clients.text(publishes.receive(10, TimeUnit.SECONDS).orElseThrow().getPayloadAsBytes())).isEqualTo("x");
            assertThat(Clients.text(publishes.receive(10, TimeUnit.SECONDS).orElseThrow().getPayloadAsBytes()))
                    .as("the resend was not forwarded").isEqualTo("fence");
        }
        subscriber.disconnect();
    }

    @Test
    void aQos2PublishResentOnANewConnectionOfItsSessionIsForwardedOnlyOnce() throws Exception {
        // [MQTT-4.3.3-10] the packet id stays pending in the session until PUBREL, across connections: a client
        // that lost the connection before it saw PUBREC resends the PUBLISH with DUP [MQTT-4.4.0-1].
        Mqtt5BlockingClient subscriber = Clients.hivemqBlocking(petrel, "qos2-reconnect-sub");
        subscriber.connect();
        try (Mqtt5BlockingClient.Mqtt5Publishes publishes = subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
            subscriber.subscribeWith().topicFilter("qos2/reconnect").qos(MqttQos.EXACTLY_ONCE).send();
            byte[] publish = MqttPackets.publish(4, "qos2/reconnect", 2, 7, "once");
            try (RawMqttClient first = RawMqttClient.open(petrel, 4)) {
                first.send(MqttPackets.connect(4, "raw-qos2-reconnect", 0, 60, Properties.none()));
                first.expect("20 02 00 00");
                first.send(publish);
                first.expect("50 02 0007");
            }
            try (RawMqttClient second = RawMqttClient.open(petrel, 4)) {
                second.send(MqttPackets.connect(4, "raw-qos2-reconnect", 0, 60, Properties.none()));
                second.expect("20 02 01 00");
                publish[0] |= 0x08;
                second.send(publish);
                second.expect("50 02 0007");
                second.send(MqttPackets.pubrel(7));
                second.expect("70 02 0007");
                second.send(MqttPackets.publish(4, "qos2/reconnect", 1, 8, "fence"));
                second.expect("40 02 0008");
            }

            assertThat(Clients.text(publishes.receive(10, TimeUnit.SECONDS).orElseThrow().getPayloadAsBytes()))
                    .isEqualTo("once");
            assertThat(Clients.text(publishes.receive(10, TimeUnit.SECONDS).orElseThrow().getPayloadAsBytes()))
                    .as("the resend was not forwarded").isEqualTo("fence");
        }
        subscriber.disconnect();
    }
}
