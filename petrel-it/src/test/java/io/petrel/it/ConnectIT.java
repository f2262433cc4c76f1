package io.petrel.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttClientState;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5DisconnectException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import io.petrel.mqtt.protocol.MqttProtocolConfig;
import io.petrel.testkit.EmbeddedPetrel;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CONNECT with real clients: takeover, clean start, session present, session expiry, keep alive, ids. */
class ConnectIT {
    private static EmbeddedPetrel petrel;

    @BeforeAll
    static void start() {
        MqttProtocolConfig d = MqttProtocolConfig.defaults();
        petrel = EmbeddedPetrel.withConfig(c -> c.withProtocol(new MqttProtocolConfig(d.maxPacketSize(),
                d.maxClientIdLength(), d.receiveMaximum(), d.topicAliasMaximum(), 30, d.connectTimeoutSeconds(),
                d.retainAvailable(), d.maxPendingBeforeConnect())));
    }

    @AfterAll
    static void stop() {
        petrel.close();
    }

    @Test
    void aSecondConnectionWithTheSameIdClosesTheFirstWithSessionTakenOver() {
        // [MQTT-3.1.4-3] the server sends DISCONNECT 0x8E to the existing client and closes its connection.
        CompletableFuture<Throwable> firstDisconnect = new CompletableFuture<>();
        Mqtt5BlockingClient first = Clients.hivemq(petrel, "takeover")
                .addDisconnectedListener(ctx -> firstDisconnect.complete(ctx.getCause())).buildBlocking();
        first.connect();
        Mqtt5BlockingClient second = Clients.hivemqBlocking(petrel, "takeover");
        second.connect();

        Throwable cause = firstDisconnect.orTimeout(10, TimeUnit.SECONDS).join();
        assertThat(cause).isInstanceOf(Mqtt5DisconnectException.class);
        assertThat(((Mqtt5DisconnectException) cause).getMqttMessage().getReasonCode())
                .isEqualTo(Mqtt5DisconnectReasonCode.SESSION_TAKEN_OVER);
        assertThat(second.getState()).isEqualTo(MqttClientState.CONNECTED);
        second.disconnect();
    }

    @Test
    void aPaho3TakeoverClosesTheOlderConnection() throws Exception {
        MqttClient first = Clients.paho3(petrel, "paho-takeover");
        first.connect(Clients.paho3Options(true));
        MqttClient second = Clients.paho3(petrel, "paho-takeover");
        second.connect(Clients.paho3Options(true));

        await().atMost(Duration.ofSeconds(10)).until(() -> !first.isConnected());
        assertThat(second.isConnected()).isTrue();
        second.disconnect();
        second.close();
        first.close();
    }

    @Test
    void sessionPresentIsSetOnlyWhenAStoredSessionIsResumed() throws Exception {
        // [MQTT-3.2.2-2] clean session: 0; [MQTT-3.2.2-3] resumed: 1.
        MqttClient client = Clients.paho3(petrel, "present3");
        client.connect(Clients.paho3Options(false));
        client.disconnect();
        assertThat(client.connectWithResult(Clients.paho3Options(false)).getSessionPresent()).isTrue();
        client.disconnect();
        assertThat(client.connectWithResult(Clients.paho3Options(true)).getSessionPresent()).isFalse();
        client.disconnect();
        assertThat(client.connectWithResult(Clients.paho3Options(false)).getSessionPresent())
                .as("a clean session is not stored").isFalse();
        client.disconnect();
        client.close();
    }

    @Test
    void aV5SessionLivesForItsExpiryIntervalAfterTheConnection() {
        // [MQTT-3.1.2-23] stored while the interval runs; [MQTT-4.1.0-2] discarded after it.
        Mqtt5BlockingClient client = Clients.hivemqBlocking(petrel, "expiring");
        client.connectWith().cleanStart(true).sessionExpiryInterval(1).send();
        client.disconnect();
        assertThat(petrel.engine().sessions().get("expiring")).isNotNull();

        await().atMost(Duration.ofSeconds(10)).until(() -> petrel.engine().sessions().get("expiring") == null);
        Mqtt5ConnAck ack = client.connectWith().cleanStart(false).sessionExpiryInterval(60).send();
        assertThat(ack.isSessionPresent()).isFalse();
        client.disconnect();
        Mqtt5ConnAck resumed = client.connectWith().cleanStart(false).sessionExpiryInterval(0).send();
        assertThat(resumed.isSessionPresent()).isTrue();
        client.disconnect();
        assertThat(petrel.engine().sessions().get("expiring")).as("expiry 0 ends it with the connection").isNull();
    }

    @Test
    void anEmptyClientIdGetsAnAssignedOne() throws Exception {
        // [MQTT-3.1.3-6] [MQTT-3.1.3-7] [MQTT-3.2.2-16]
        Mqtt5BlockingClient v5 = com.hivemq.client.mqtt.MqttClient.builder().useMqttVersion5()
                .serverHost(petrel.host()).serverPort(petrel.port()).buildBlocking();
        Mqtt5ConnAck ack = v5.connect();
        assertThat(ack.getAssignedClientIdentifier()).isPresent();
        assertThat(petrel.engine().sessions().get(ack.getAssignedClientIdentifier().get().toString())).isNotNull();
        v5.disconnect();

        MqttClient v3 = Clients.paho3(petrel, "");
        v3.connect(Clients.paho3Options(true));
        assertThat(v3.isConnected()).isTrue();
        v3.disconnect();
        v3.close();
    }

    @Test
    void anEmptyClientIdWithAPersistentSessionIsRefusedInMqtt311() throws Exception {
        // [MQTT-3.1.3-8] of MQTT 3.1.1: return code 0x02, identifier rejected.
        MqttClient v3 = Clients.paho3(petrel, "");
        assertThatThrownBy(() -> v3.connect(Clients.paho3Options(false)))
                .isInstanceOfSatisfying(org.eclipse.paho.client.mqttv3.MqttException.class,
                        e -> assertThat(e.getReasonCode()).isEqualTo(2));
        v3.close();
    }

    @Test
    void theServerKeepAliveCapsTheClientsKeepAlive() {
        // [MQTT-3.2.2-21] the client uses the server keep alive from the CONNACK.
        Mqtt5BlockingClient client = Clients.hivemqBlocking(petrel, "keepalive-cap");
        Mqtt5ConnAck ack = client.connectWith().keepAlive(120).send();
        assertThat(ack.getServerKeepAlive()).hasValue(30);
        client.disconnect();
    }

    @Test
    void aSilentClientIsDisconnectedAfterOneAndAHalfKeepAlives() throws Exception {
        // [MQTT-3.1.2-22] nothing received for 1.5 keep-alive periods closes the connection. A raw MQTT 3.1.1
        // CONNECT with keep alive 1 second, then silence.
        byte[] connect = {0x10, 0x12, 0x00, 0x04, 'M', 'Q', 'T', 'T', 0x04, 0x02, 0x00, 0x01,
                0x00, 0x06, 's', 'i', 'l', 'e', 'n', 't'};
        try (Socket socket = new Socket(petrel.host(), petrel.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            // The keep-alive timer starts once the server has the CONNECT, so never before this instant.
            long sent = System.nanoTime();
            out.write(connect);
            out.flush();
            byte[] connAck = in.readNBytes(4);
            assertThat(connAck).containsExactly(0x20, 0x02, 0x00, 0x00);
            assertThat(in.read()).as("the server closes the connection").isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - sent)).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> petrel.engine().sessions().get("silent") == null);
        assertThat(petrel.metrics().closedCount("KEEP_ALIVE_TIMEOUT")).isPositive();
    }
}
