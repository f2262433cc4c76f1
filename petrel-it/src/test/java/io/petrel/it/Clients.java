package io.petrel.it;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import io.petrel.testkit.EmbeddedPetrel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** Builds the real clients the integration tests use, pointed at one embedded server. */
final class Clients {
    private Clients() {
    }

    /** An MQTT 5 HiveMQ client builder with the server's address and a client id. */
    static Mqtt5ClientBuilder hivemq(EmbeddedPetrel petrel, String clientId) {
        return MqttClient.builder().useMqttVersion5().identifier(clientId)
                .serverHost(petrel.host()).serverPort(petrel.port());
    }

    static Mqtt5BlockingClient hivemqBlocking(EmbeddedPetrel petrel, String clientId) {
        return hivemq(petrel, clientId).buildBlocking();
    }

    /** A Paho MQTT 3.1.1 client; it keeps its in-flight state in memory. */
    static org.eclipse.paho.client.mqttv3.MqttClient paho3(EmbeddedPetrel petrel, String clientId)
            throws MqttException {
        return new org.eclipse.paho.client.mqttv3.MqttClient(petrel.tcpUri(), clientId, new MemoryPersistence());
    }

    static org.eclipse.paho.client.mqttv3.MqttConnectOptions paho3Options(boolean cleanSession) {
        org.eclipse.paho.client.mqttv3.MqttConnectOptions options = new org.eclipse.paho.client.mqttv3.MqttConnectOptions();
        options.setCleanSession(cleanSession);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(10);
        options.setMqttVersion(org.eclipse.paho.client.mqttv3.MqttConnectOptions.MQTT_VERSION_3_1_1);
        return options;
    }

    /** A Paho MQTT 5 client; it keeps its in-flight state in memory. */
    static org.eclipse.paho.mqttv5.client.MqttClient paho5(EmbeddedPetrel petrel, String clientId)
            throws org.eclipse.paho.mqttv5.common.MqttException {
        return new org.eclipse.paho.mqttv5.client.MqttClient(petrel.tcpUri(), clientId,
                new org.eclipse.paho.mqttv5.client.persist.MemoryPersistence());
    }

    static org.eclipse.paho.mqttv5.client.MqttConnectionOptions paho5Options(boolean cleanStart) {
        org.eclipse.paho.mqttv5.client.MqttConnectionOptions options = new org.eclipse.paho.mqttv5.client.MqttConnectionOptions();
        options.setCleanStart(cleanStart);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(10);
        return options;
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * What a Paho client received, in order.
     *
     * @param topic the topic
     * @param payload the payload as text
     * @param qos the QoS
     * @param retained the RETAIN flag
     * @param duplicate the DUP flag
     */
    record Received(String topic, String payload, int qos, boolean retained, boolean duplicate) {
    }

    /** Collects what a Paho client receives; its poll waits a bounded time. */
    static final class Inbox {
        private final BlockingQueue<Received> queue = new LinkedBlockingQueue<>();

        void add(String topic, byte[] payload, int qos, boolean retained, boolean duplicate) {
            queue.add(new Received(topic, text(payload), qos, retained, duplicate));
        }

        Received next() throws InterruptedException {
            Received received = queue.poll(10, TimeUnit.SECONDS);
            if (received == null) {
                throw new AssertionError("no message arrived within 10 seconds");
            }
            return received;
        }

        /** Waits briefly and returns what arrived, or null: for asserting that nothing more comes. */
        Received poll(long millis) throws InterruptedException {
            return queue.poll(millis, TimeUnit.MILLISECONDS);
        }

        /** A Paho MQTT 3 callback that adds every message to this inbox. */
        org.eclipse.paho.client.mqttv3.MqttCallback paho3Callback() {
            return new org.eclipse.paho.client.mqttv3.MqttCallback() {
                @Override
                public void connectionLost(Throwable cause) {
                }

                @Override
                public void messageArrived(String topic, org.eclipse.paho.client.mqttv3.MqttMessage message) {
                    add(topic, message.getPayload(), message.getQos(), message.isRetained(), message.isDuplicate());
                }

                @Override
                public void deliveryComplete(org.eclipse.paho.client.mqttv3.IMqttDeliveryToken token) {
                }
            };
        }
    }
}
