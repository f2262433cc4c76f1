package io.petrel.it.listener;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.petrel.mqtt.listener.ListenerConfig;
import io.petrel.mqtt.listener.ListenerType;
import io.petrel.mqtt.transport.tls.TlsConfig;
import io.petrel.testkit.EmbeddedPetrel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * All four kinds of listener side by side, as a first start sets them up: TLS and WSS with the development
 * certificate. HiveMQ (MQTT 5) and Paho (MQTT 3.1.1) connect over each, and messages cross between kinds.
 */
class AllKindsListenerIT {
    @TempDir
    static Path dataDir;
    private static EmbeddedPetrel petrel;
    private static TrustManagerFactory trust;
    private static SSLContext pahoTls;

    @BeforeAll
    static void start() throws Exception {
        List<ListenerConfig> listeners = List.of(ListenerType.values()).stream()
                .map(type -> ListenerConfig.of(Clients.name(type), type, EmbeddedPetrel.HOST, 0,
                        type.secure() ? TlsConfig.development() : null))
                .toList();
        petrel = EmbeddedPetrel.withConfig(c -> c.withListeners(listeners).withDataDir(dataDir));
        Path ca = dataDir.resolve("certs/ca.pem");
        trust = TestTls.trust(ca);
        pahoTls = TestTls.context(ca, null);
    }

    @AfterAll
    static void stop() {
        petrel.close();
    }

    @Test
    void aFirstStartGeneratesTheDevelopmentCaAndServerCertificateInTheDataDirectory() {
        assertThat(dataDir.resolve("certs/ca.pem")).exists();
        assertThat(dataDir.resolve("certs/server.pem")).exists();
        assertThat(dataDir.resolve("certs/server.key")).exists();
        assertThat(petrel.server().developmentCertificates().caCertificate())
                .isEqualTo(dataDir.resolve("certs/ca.pem").toAbsolutePath());
    }

    @ParameterizedTest
    @EnumSource(ListenerType.class)
    void hivemqPublishesAndSubscribesOverEveryKind(ListenerType type) throws Exception {
        int port = petrel.port(Clients.name(type));
        Mqtt5BlockingClient subscriber = Clients.hivemq("hivemq-sub-" + type, type, port, trust);
        Mqtt5BlockingClient publisher = Clients.hivemq("hivemq-pub-" + type, type, port, trust);
        subscriber.connect();
        publisher.connect();
        try (Mqtt5BlockingClient.Mqtt5Publishes publishes = subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
            subscriber.subscribeWith().topicFilter("kinds/" + type + "/#").qos(MqttQos.EXACTLY_ONCE).send();
            publisher.publishWith().topic("kinds/" + type + "/a").qos(MqttQos.EXACTLY_ONCE)
                    .payload(("over " + type).getBytes(StandardCharsets.UTF_8)).send();
            Mqtt5Publish received = publishes.receive(30, TimeUnit.SECONDS).orElseThrow();
            assertThat(new String(received.getPayloadAsBytes(), StandardCharsets.UTF_8)).isEqualTo("over " + type);
        } finally {
            subscriber.disconnect();
            publisher.disconnect();
        }
    }

    @ParameterizedTest
    @EnumSource(ListenerType.class)
    void pahoPublishesAndSubscribesOverEveryKind(ListenerType type) throws Exception {
        String uri = Clients.pahoUri(type, petrel.port(Clients.name(type)));
        MqttClient subscriber = new MqttClient(uri, "paho-sub-" + type, new MemoryPersistence());
        MqttClient publisher = new MqttClient(uri, "paho-pub-" + type, new MemoryPersistence());
        BlockingQueue<String> received = new ArrayBlockingQueue<>(10);
        try {
            subscriber.connect(Clients.pahoOptions(type, pahoTls));
            publisher.connect(Clients.pahoOptions(type, pahoTls));
            subscriber.subscribe("paho/" + type, 1, (topic, message) ->
                    received.add(new String(message.getPayload(), StandardCharsets.UTF_8)));
            publisher.publish("paho/" + type, ("paho over " + type).getBytes(StandardCharsets.UTF_8), 1, false);
            assertThat(received.poll(30, TimeUnit.SECONDS)).isEqualTo("paho over " + type);
        } finally {
            disconnect(subscriber);
            disconnect(publisher);
        }
    }

    @Test
    void aMessagePublishedOverTcpReachesASubscriberOnWss() throws Exception {
        Mqtt5BlockingClient subscriber = Clients.hivemq("cross-sub", ListenerType.WSS,
                petrel.port("wss"), trust);
        Mqtt5BlockingClient publisher = Clients.hivemq("cross-pub", ListenerType.TCP, petrel.port("tcp"), null);
        subscriber.connect();
        publisher.connect();
        try (Mqtt5BlockingClient.Mqtt5Publishes publishes = subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
            subscriber.subscribeWith().topicFilter("cross").qos(MqttQos.AT_LEAST_ONCE).send();
            publisher.publishWith().topic("cross").qos(MqttQos.AT_LEAST_ONCE)
                    .payload("tcp to wss".getBytes(StandardCharsets.UTF_8)).send();
            assertThat(publishes.receive(30, TimeUnit.SECONDS)).isPresent();
        } finally {
            subscriber.disconnect();
            publisher.disconnect();
        }
    }

    private static void disconnect(MqttClient client) throws Exception {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }

}
