package io.petrel.it.device;

import static io.petrel.it.device.DeviceServer.bytes;
import static io.petrel.it.device.DeviceServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.MqttWebSocketConfig;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import io.petrel.api.auth.TopicScope;
import io.petrel.api.store.platform.Device;
import io.petrel.api.store.platform.KvValue;
import io.petrel.api.store.platform.TsEntry;
import io.petrel.mqtt.listener.ListenerConfig;
import io.petrel.mqtt.listener.ListenerType;
import io.petrel.mqtt.transport.tls.TlsConfig;
import io.petrel.security.token.OrgToken;
import io.petrel.security.token.TokenCodec;
import io.petrel.testkit.EmbeddedPetrel;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The streaming namespace as organization apps use it (issue 7, item 4): an org token over WSS with the
 * development certificate receives a device's telemetry and retained status, and another organization's token
 * receives none of it. Devices that publish straight into their own namespace, over MQTT and MQTTS, have their
 * data stored.
 */
class StreamingIT {
    private static final List<String> STREAM = List.of("device/+/telemetry/#", "device/+/status");

    private static DeviceServer server;
    private static TrustManagerFactory trust;

    @BeforeAll
    static void start() throws Exception {
        server = DeviceServer.start(config -> config.withListeners(List.of(
                ListenerConfig.tcp("tcp", EmbeddedPetrel.HOST, 0),
                ListenerConfig.of("tls", ListenerType.TLS, EmbeddedPetrel.HOST, 0, TlsConfig.development()),
                ListenerConfig.of("wss", ListenerType.WSS, EmbeddedPetrel.HOST, 0, TlsConfig.development()))));
        trust = trust(server.petrel.server().developmentCertificates().caCertificate());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anOrgTokenOverWssReceivesItsDevicesTelemetryAndStatusAndAnotherOrganizationNothing() throws Exception {
        Device pump = server.device("north", "pump-7");
        Device beta = server.device("south", "meter-1");
        Mqtt5BlockingClient acmeApp = app("north-dash", "north");
        Mqtt5BlockingClient betaApp = app("south-dash", "south");
        try (Mqtt5BlockingClient.Mqtt5Publishes acme = subscribed(acmeApp);
                Mqtt5BlockingClient.Mqtt5Publishes other = subscribed(betaApp)) {
            Mqtt5BlockingClient device = server.sdk("pump-7", server.token(pump));
            device.connect();
            // A device of a mounted organization gets its answers on its own topics, as any client does.
            try (Mqtt5BlockingClient.Mqtt5Publishes answers = device.publishes(MqttGlobalPublishFilter.ALL)) {
                publish(device, "v1/devices/me/rpc/request/1", "{\"method\":\"getSessionLimits\"}");
                assertThat(next(answers).getTopic().toString()).isEqualTo("v1/devices/me/rpc/response/1");
            }
            Mqtt5Publish online = next(acme);
            assertThat(online.getTopic().toString()).isEqualTo("device/pump-7/status");
            assertThat(json(online.getPayloadAsBytes()).get("online").asBoolean()).isTrue();

            publish(device, "v1/devices/me/telemetry", "{\"ts\":1717000000000,\"values\":{\"temp\":21.5,\"on\":true}}");
            Map<String, Mqtt5Publish> telemetry = Map.of();
            for (int i = 0; i < 3; i++) {
                Mqtt5Publish message = next(acme);
                telemetry = merge(telemetry, message);
            }
            JsonNode batch = json(telemetry.get("device/pump-7/telemetry").getPayloadAsBytes());
            assertThat(batch.get(0).get("ts").asLong()).isEqualTo(1_717_000_000_000L);
            assertThat(batch.get(0).at("/values/temp").asDouble()).isEqualTo(21.5);
            assertThat(new String(telemetry.get("device/pump-7/telemetry/temp").getPayloadAsBytes())).isEqualTo("21.5");
            assertThat(new String(telemetry.get("device/pump-7/telemetry/on").getPayloadAsBytes())).isEqualTo("true");

            // A late subscriber of the organization finds the status retained.
            Mqtt5BlockingClient late = app("north-late", "north");
            try (Mqtt5BlockingClient.Mqtt5Publishes lateInbox = subscribed(late)) {
                Mqtt5Publish retained = next(lateInbox);
                assertThat(retained.getTopic().toString()).isEqualTo("device/pump-7/status");
                assertThat(retained.isRetain()).isTrue();
            } finally {
                late.disconnect();
            }

            device.disconnect();
            Mqtt5Publish offline = next(acme);
            assertThat(offline.getTopic().toString()).isEqualTo("device/pump-7/status");
            assertThat(json(offline.getPayloadAsBytes()).get("online").asBoolean()).isFalse();

            // The other organization's app's first message is its own device's status: nothing of acme came before it, and each
            // subscriber gets its messages in the order they were routed.
            Mqtt5BlockingClient meter = server.sdk("meter-1", server.token(beta));
            meter.connect();
            Mqtt5Publish first = next(other);
            assertThat(first.getTopic().toString()).isEqualTo("device/meter-1/status");
            meter.disconnect();
        } finally {
            acmeApp.disconnect();
            betaApp.disconnect();
        }
    }

    @Test
    void aDevicePublishingIntoItsOwnNamespaceOverMqttHasItStored() throws Exception {
        Device device = server.device("acme", "boiler");
        Mqtt5BlockingClient client = server.sdk("boiler", server.token(device));
        client.connect();
        assertOwnNamespaceIsStored(client, device);
    }

    @Test
    void aDevicePublishingIntoItsOwnNamespaceOverMqttsHasItStored() throws Exception {
        Device device = server.device("acme", "chiller");
        Mqtt5BlockingClient client = MqttClient.builder().useMqttVersion5().identifier("chiller")
                .serverHost(EmbeddedPetrel.HOST).serverPort(server.petrel.port("tls"))
                .sslConfig(MqttClientSslConfig.builder().trustManagerFactory(trust).build())
                .simpleAuth().username(server.token(device)).applySimpleAuth().buildBlocking();
        client.connect();
        assertOwnNamespaceIsStored(client, device);
    }

    private static void assertOwnNamespaceIsStored(Mqtt5BlockingClient client, Device device) throws Exception {
        Mqtt5BlockingClient app = app(device.name() + "-app", "acme");
        try (Mqtt5BlockingClient.Mqtt5Publishes inbox = app.publishes(MqttGlobalPublishFilter.ALL)) {
            app.subscribeWith().topicFilter("device/" + device.name() + "/telemetry/#").qos(MqttQos.AT_LEAST_ONCE)
                    .send();
            assertThat(publish(client, "device/" + device.name() + "/telemetry", "{\"hum\":40}"))
                    .isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
            assertThat(publish(client, "device/" + device.name() + "/telemetry/temp", "21.5"))
                    .isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
            assertThat(publish(client, "device/" + device.name() + "/telemetry/mode", "eco"))
                    .isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
            // Another device's namespace is not this one's to write.
            assertThat(publish(client, "device/pump-7/telemetry/temp", "99"))
                    .isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);

            Map<String, KvValue> stored = server.latest(device.id()).stream()
                    .collect(Collectors.toMap(TsEntry::key, TsEntry::value));
            assertThat(stored).containsEntry("hum", KvValue.of(40)).containsEntry("temp", KvValue.of(21.5))
                    .containsEntry("mode", KvValue.of("eco"));
            // Applications see it in the namespace's own forms, whoever published it.
            Map<String, Mqtt5Publish> seen = Map.of();
            for (int i = 0; i < 6; i++) {
                seen = merge(seen, next(inbox));
            }
            assertThat(seen).containsKeys("device/" + device.name() + "/telemetry",
                    "device/" + device.name() + "/telemetry/hum", "device/" + device.name() + "/telemetry/temp",
                    "device/" + device.name() + "/telemetry/mode");
        } finally {
            app.disconnect();
            client.disconnect();
        }
    }

    private static Mqtt5BlockingClient app(String id, String organization) {
        Instant now = Instant.now();
        String token = server.petrel.server().security().tokens().sign(new OrgToken(TokenCodec.newId(), id,
                organization, new TopicScope(List.of(), STREAM), false, now, now.plus(Duration.ofHours(1))));
        Mqtt5BlockingClient client = MqttClient.builder().useMqttVersion5().identifier(id)
                .serverHost(EmbeddedPetrel.HOST).serverPort(server.petrel.port("wss"))
                .sslConfig(MqttClientSslConfig.builder().trustManagerFactory(trust).build())
                .webSocketConfig(MqttWebSocketConfig.builder().serverPath("mqtt").subprotocol("mqtt").build())
                .simpleAuth().username(token).applySimpleAuth().buildBlocking();
        client.connect();
        return client;
    }

    private static Mqtt5BlockingClient.Mqtt5Publishes subscribed(Mqtt5BlockingClient client) {
        Mqtt5BlockingClient.Mqtt5Publishes inbox = client.publishes(MqttGlobalPublishFilter.ALL);
        for (String filter : STREAM) {
            client.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).send();
        }
        return inbox;
    }

    private static Mqtt5PubAckReasonCode publish(Mqtt5BlockingClient client, String topic, String payload) {
        try {
            Mqtt5PublishResult result = client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE)
                    .payload(bytes(payload)).send();
            return ((Mqtt5PublishResult.Mqtt5Qos1Result) result).getPubAck().getReasonCode();
        } catch (com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException e) {
            return e.getMqttMessage().getReasonCode();
        }
    }

    private static Mqtt5Publish next(Mqtt5BlockingClient.Mqtt5Publishes inbox) throws InterruptedException {
        return inbox.receive(10, TimeUnit.SECONDS).orElseThrow(() -> new AssertionError("nothing arrived"));
    }

    private static Map<String, Mqtt5Publish> merge(Map<String, Mqtt5Publish> seen, Mqtt5Publish message) {
        Map<String, Mqtt5Publish> merged = new java.util.HashMap<>(seen);
        merged.put(message.getTopic().toString(), message);
        return merged;
    }

    private static TrustManagerFactory trust(Path caFile) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (InputStream in = Files.newInputStream(caFile)) {
            store.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory;
    }
}
