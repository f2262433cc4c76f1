package io.petrel.it.device;

import static io.petrel.it.device.DeviceServer.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import io.petrel.api.store.platform.Device;
import io.petrel.api.store.platform.KvValue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Clients that behave while devices misbehave, and prove on demand that the server still serves them: a device
 * whose telemetry is stored, and an ordinary client whose message to itself comes back.
 */
final class Bystanders implements AutoCloseable {
    private final DeviceServer server;
    private final Device device;
    private final Mqtt5BlockingClient deviceClient;
    private final Mqtt5BlockingClient app;
    private final Mqtt5BlockingClient.Mqtt5Publishes appInbox;
    private final AtomicInteger round = new AtomicInteger();

    Bystanders(DeviceServer server, String name) {
        this.server = server;
        this.device = server.device(name);
        this.deviceClient = server.sdk(name, server.token(device));
        deviceClient.connect();
        this.app = MqttClient.builder().useMqttVersion5().identifier(name + "-app").serverHost(server.petrel.host())
                .serverPort(server.petrel.port()).buildBlocking();
        app.connect();
        this.appInbox = app.publishes(MqttGlobalPublishFilter.ALL);
        app.subscribeWith().topicFilter("bystander/" + name).qos(MqttQos.AT_LEAST_ONCE).send();
    }

    /** Fails unless both are still connected and served. */
    void assertStillServed() throws InterruptedException {
        int n = round.incrementAndGet();
        Mqtt5PublishResult result = deviceClient.publishWith().topic("v1/devices/me/telemetry")
                .qos(MqttQos.AT_LEAST_ONCE).payload(bytes("{\"round\":" + n + "}")).send();
        assertThat(((Mqtt5PublishResult.Mqtt5Qos1Result) result).getPubAck().getReasonCode())
                .isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
        assertThat(server.latest(device.id())).anySatisfy(entry -> {
            assertThat(entry.key()).isEqualTo("round");
            assertThat(entry.value()).isEqualTo(KvValue.of(n));
        });
        app.publishWith().topic("bystander/" + device.name()).qos(MqttQos.AT_LEAST_ONCE)
                .payload(bytes("round " + n)).send();
        Mqtt5Publish back = appInbox.receive(10, TimeUnit.SECONDS)
                .orElseThrow(() -> new AssertionError("the bystander's message did not come back"));
        assertThat(new String(back.getPayloadAsBytes())).isEqualTo("round " + n);
    }

    @Override
    public void close() {
        appInbox.close();
        app.disconnect();
        deviceClient.disconnect();
    }
}
