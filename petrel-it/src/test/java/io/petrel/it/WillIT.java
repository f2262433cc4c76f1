package io.petrel.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.petrel.testkit.EmbeddedPetrel;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Wills with real clients: when they are published, and when never. */
class WillIT {
    private static EmbeddedPetrel petrel;
    private Mqtt5BlockingClient watcher;
    private Mqtt5BlockingClient.Mqtt5Publishes wills;

    @BeforeAll
    static void start() {
        petrel = EmbeddedPetrel.start();
    }

    @AfterAll
    static void stop() {
        petrel.close();
    }

    @BeforeEach
    void watch() {
        watcher = Clients.hivemqBlocking(petrel, "will-watcher");
        watcher.connect();
        wills = watcher.publishes(MqttGlobalPublishFilter.ALL);
        watcher.subscribeWith().topicFilter("will/#").qos(MqttQos.EXACTLY_ONCE).send();
    }

    @AfterEach
    void unwatch() {
        wills.close();
        watcher.disconnect();
    }

    @Test
    void aPaho3ConnectionLostWithoutDisconnectPublishesTheWill() throws Exception {
        // [MQTT-3.1.2-8] the will is published when the connection closes without a normal DISCONNECT.
        MqttClient client = Clients.paho3(petrel, "will-lost");
        MqttConnectOptions options = Clients.paho3Options(true);
        options.setWill("will/lost", Clients.bytes("lost"), 1, true);
        client.connect(options);
        client.disconnectForcibly(0, 1000, false);

        Mqtt5Publish will = next();
        assertThat(will.getTopic().toString()).isEqualTo("will/lost");
        assertThat(Clients.text(will.getPayloadAsBytes())).isEqualTo("lost");
        assertThat(will.getQos()).isEqualTo(MqttQos.AT_LEAST_ONCE);
        // [MQTT-3.1.2-15] will retain 1: published as a retained message.
        assertThat(petrel.engine().retained().get("will/lost")).isNotNull();
        client.close();
        watcher.publishWith().topic("will/lost").retain(true).payload(new byte[0]).send();
    }

    @Test
    void aNormalDisconnectNeverPublishesTheWill() throws Exception {
        // [MQTT-3.14.4-3] DISCONNECT 0x00 discards the will.
        MqttClient client = Clients.paho3(petrel, "will-normal");
        MqttConnectOptions options = Clients.paho3Options(true);
        options.setWill("will/normal", Clients.bytes("normal"), 1, false);
        client.connect(options);
        client.disconnect();
        client.close();

        Mqtt5BlockingClient v5 = Clients.hivemqBlocking(petrel, "will-normal5");
        v5.connectWith().willPublish().topic("will/normal5").payload(Clients.bytes("x")).applyWillPublish().send();
        v5.disconnect();

        assertNextIsFence();
    }

    @Test
    void disconnectWithWillMessagePublishesIt() {
        // MQTT 5 DISCONNECT reason 0x04.
        Mqtt5BlockingClient client = Clients.hivemqBlocking(petrel, "will-04");
        client.connectWith().willPublish().topic("will/04").payload(Clients.bytes("asked")).applyWillPublish().send();
        client.disconnectWith().reasonCode(Mqtt5DisconnectReasonCode.DISCONNECT_WITH_WILL_MESSAGE).send();

        assertThat(Clients.text(next().getPayloadAsBytes())).isEqualTo("asked");
    }

    @Test
    void theWillDelayHoldsTheWillAndAReconnectCancelsIt() {
        // [MQTT-3.1.3-9] a new connection within the will delay interval: no will.
        Mqtt5BlockingClient client = Clients.hivemqBlocking(petrel, "will-delayed");
        client.connectWith().cleanStart(true).sessionExpiryInterval(60)
                .willPublish().topic("will/delayed").payload(Clients.bytes("cancelled")).delayInterval(1)
                .applyWillPublish().send();
        client.disconnectWith().reasonCode(Mqtt5DisconnectReasonCode.DISCONNECT_WITH_WILL_MESSAGE).send();
        client.connectWith().cleanStart(false).sessionExpiryInterval(60).send();
        client.disconnect();
        // A control client with the same delay, started later: its will would come second.
        Mqtt5BlockingClient control = Clients.hivemqBlocking(petrel, "will-control");
        control.connectWith().willPublish().topic("will/control").payload(Clients.bytes("control")).delayInterval(1)
                .applyWillPublish().sessionExpiryInterval(60).send();
        control.disconnectWith().reasonCode(Mqtt5DisconnectReasonCode.DISCONNECT_WITH_WILL_MESSAGE).send();

        assertThat(Clients.text(next().getPayloadAsBytes())).isEqualTo("control");
    }

    @Test
    void theWillIsPublishedWhenItsDelayPasses() {
        Mqtt5BlockingClient client = Clients.hivemqBlocking(petrel, "will-delay-1s");
        client.connectWith().cleanStart(true).sessionExpiryInterval(60)
                .willPublish().topic("will/delay").payload(Clients.bytes("after a second")).delayInterval(1)
                .applyWillPublish().send();
        long disconnected = System.nanoTime();
        client.disconnectWith().reasonCode(Mqtt5DisconnectReasonCode.DISCONNECT_WITH_WILL_MESSAGE).send();

        assertThat(Clients.text(next().getPayloadAsBytes())).isEqualTo("after a second");
        assertThat(Duration.ofNanos(System.nanoTime() - disconnected)).as("not before the delay")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aTakeoverPublishesTheWillOfTheOldConnection() {
        // [MQTT-3.1.4-3] the old connection is closed, and its will goes out as on any close.
        Mqtt5BlockingClient first = Clients.hivemqBlocking(petrel, "will-takeover");
        first.connectWith().willPublish().topic("will/takeover").payload(Clients.bytes("replaced"))
                .applyWillPublish().send();
        Mqtt5BlockingClient second = Clients.hivemqBlocking(petrel, "will-takeover");
        second.connect();

        assertThat(Clients.text(next().getPayloadAsBytes())).isEqualTo("replaced");
        second.disconnect();
    }

    private Mqtt5Publish next() {
        try {
            Optional<Mqtt5Publish> received = wills.receive(10, TimeUnit.SECONDS);
            return received.orElseThrow(() -> new AssertionError("no will within 10 seconds"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Publishes a fence after what came before; a will published in between would arrive first. */
    private void assertNextIsFence() {
        Mqtt5BlockingClient fence = Clients.hivemqBlocking(petrel, "will-fence");
        fence.connect();
        fence.publishWith().topic("will/fence").qos(MqttQos.AT_LEAST_ONCE).payload(Clients.bytes("fence")).send();
        fence.disconnect();
        assertThat(next().getTopic().toString()).isEqualTo("will/fence");
    }
}
