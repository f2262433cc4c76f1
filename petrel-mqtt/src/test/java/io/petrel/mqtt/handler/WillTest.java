package io.petrel.mqtt.handler;

import static io.petrel.mqtt.handler.ConnectHandlerTest.connected;
import static io.petrel.mqtt.listener.ClientPackets.connect;
import static io.petrel.mqtt.listener.ClientPackets.connectBuilder;
import static io.petrel.mqtt.listener.ClientPackets.disconnect;
import static io.petrel.mqtt.listener.ClientPackets.qos;
import static io.petrel.mqtt.listener.ClientPackets.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.petrel.mqtt.listener.ProtocolHarness;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** How the way a connection ends decides its will. */
class WillTest {

    @Test
    void aConnectionThatDropsPublishesItsWill() {
        // [MQTT-3.1.2-8] a connection that closes without DISCONNECT publishes the will.
        try (Watched watched = new Watched()) {
            watched.client.drop();

            assertThat(watched.will()).isEqualTo("gone");
        }
    }

    @Test
    void aNormalDisconnectDiscardsTheWill() {
        // [MQTT-3.14.4-3] DISCONNECT with reason 0x00 discards the will.
        try (Watched watched = new Watched()) {
            watched.client.send(disconnect(0x00));

            assertThat(watched.client.isOpen()).isFalse();
            assertThat(watched.watcher.read()).isNull();
        }
    }

    @Test
    void aDisconnectWithWillMessagePublishesIt() {
        // §3.14.2.1: reason 0x04, Disconnect with Will Message.
        try (Watched watched = new Watched()) {
            watched.client.send(disconnect(0x04));

            assertThat(watched.will()).isEqualTo("gone");
        }
    }

    @Test
    void aProtocolErrorPublishesTheWill() {
        try (Watched watched = new Watched()) {
            watched.client.send(connect(MqttVersion.MQTT_5, "again"));

            assertThat(watched.client.isOpen()).isFalse();
            assertThat(watched.will()).isEqualTo("gone");
        }
    }

    /** A client with a will, and a watcher subscribed to the will's topic. */
    private static final class Watched implements AutoCloseable {
        final ProtocolHarness watcher = ProtocolHarness.start();
        final ProtocolHarness client = new ProtocolHarness(watcher.protocol());

        Watched() {
            connected(watcher, MqttVersion.MQTT_5, "watcher");
            watcher.send(subscribe(1, "wills/#", qos(0)));
            watcher.read();
            client.send(connectBuilder(MqttVersion.MQTT_5, "mortal").willFlag(true).willTopic("wills/mortal")
                    .willMessage("gone").build());
            client.read(MqttConnAckMessage.class);
        }

        String will() {
            return watcher.read(MqttPublishMessage.class).payload().toString(StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            client.close();
            watcher.close();
        }
    }
}
