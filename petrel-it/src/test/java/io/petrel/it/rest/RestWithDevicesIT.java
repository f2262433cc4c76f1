package io.petrel.it.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5DisconnectException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.petrel.it.rest.RestClient.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The REST API with real MQTT 5 devices (the HiveMQ client, logged in with their access tokens as the official
 * SDK does): RPC answered or not, shared attributes pushed, telemetry read back, credentials replaced under a
 * connected device.
 */
class RestWithDevicesIT {
    @RegisterExtension
    static final RestServerExtension server = new RestServerExtension();

    /** A device created over REST; its access token is the one the answer carries. */
    private record RegisteredDevice(String id, String token) {
    }

    private static RegisteredDevice register(String name) {
        JsonNode created = server.admin().post("/api/v1/organizations/default/devices",
                "{\"name\":\"" + name + "\"}").json();
        return new RegisteredDevice(created.get("id").asText(), created.get("credentials").get("token").asText());
    }

    private static BlockingQueue<Mqtt5Publish> subscribe(Mqtt5BlockingClient device, String filter) {
        BlockingQueue<Mqtt5Publish> received = new LinkedBlockingQueue<>();
        Mqtt5AsyncClient async = device.toAsync();
        async.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).callback(received::add).send().join();
        return received;
    }

    private static String text(Mqtt5Publish publish) {
        return new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void aTwoWayCallIsAnsweredByARealDevice() {
        RegisteredDevice registered = register("gpio-board");
        Mqtt5BlockingClient device = server.connect("gpio-board", registered.token(), new CopyOnWriteArrayList<>());
        try {
            Mqtt5AsyncClient async = device.toAsync();
            async.subscribeWith().topicFilter("v1/devices/me/rpc/request/+").qos(MqttQos.AT_LEAST_ONCE)
                    .callback(request -> {
                        String id = request.getTopic().getLevels().get(5);
                        async.publishWith().topic("v1/devices/me/rpc/response/" + id).qos(MqttQos.AT_LEAST_ONCE)
                                .payload(("{\"pin\":4,\"value\":1,\"asked\":" + text(request) + "}")
                                        .getBytes(StandardCharsets.UTF_8)).send();
                    }).send().join();
            Response answer = server.admin().post("/api/v1/devices/" + registered.id() + "/rpc/twoway",
                    "{\"method\":\"getGpio\",\"params\":{\"pin\":4},\"timeout\":20000}");
            assertThat(answer.status()).isEqualTo(200);
            JsonNode body = answer.json();
            assertThat(body.get("value").asInt()).isEqualTo(1);
            assertThat(body.get("asked").get("method").asText()).isEqualTo("getGpio");
            assertThat(body.get("asked").get("params").get("pin").asInt()).isEqualTo(4);
        } finally {
            device.disconnect();
        }
    }

    @Test
    void aRealDeviceThatDoesNotAnswerMakesA504AndAOneWayCallReachesIt() throws Exception {
        RegisteredDevice registered = register("mute-board");
        Mqtt5BlockingClient device = server.connect("mute-board", registered.token(), new CopyOnWriteArrayList<>());
        try {
            BlockingQueue<Mqtt5Publish> requests = subscribe(device, "v1/devices/me/rpc/request/+");
            Response timedOut = server.admin().post("/api/v1/devices/" + registered.id() + "/rpc/twoway",
                    "{\"method\":\"getTemp\",\"timeout\":500}");
            assertThat(timedOut.status()).isEqualTo(504);
            assertThat(timedOut.message()).isEqualTo("the device did not answer in time");
            assertThat(text(requests.poll(10, TimeUnit.SECONDS))).isEqualTo("{\"method\":\"getTemp\",\"params\":null}");

            Response delivered = server.admin().post("/api/v1/devices/" + registered.id() + "/rpc/oneway",
                    "{\"method\":\"reboot\",\"params\":{\"delay\":5}}");
            assertThat(delivered.status()).isEqualTo(200);
            assertThat(delivered.json().get("status").asText()).isEqualTo("DELIVERED");
            Mqtt5Publish reboot = requests.poll(10, TimeUnit.SECONDS);
            assertThat(reboot.getTopic().toString())
                    .isEqualTo("v1/devices/me/rpc/request/" + delivered.json().get("id").asInt());
            assertThat(text(reboot)).isEqualTo("{\"method\":\"reboot\",\"params\":{\"delay\":5}}");
        } finally {
            device.disconnect();
        }
    }

    @Test
    void sharedAttributesSavedOverRestArePushedToTheDeviceAndItsTelemetryIsReadBack() throws Exception {
        RegisteredDevice registered = register("thermostat");
        Mqtt5BlockingClient device = server.connect("thermostat", registered.token(), new CopyOnWriteArrayList<>());
        try {
            BlockingQueue<Mqtt5Publish> pushes = subscribe(device, "v1/devices/me/attributes");
            server.admin().post("/api/v1/devices/" + registered.id() + "/attributes/shared", "{\"targetTemp\":22.5}");
            assertThat(text(pushes.poll(10, TimeUnit.SECONDS))).isEqualTo("{\"targetTemp\":22.5}");

            device.publishWith().topic("v1/devices/me/telemetry").qos(MqttQos.AT_LEAST_ONCE)
                    .payload("{\"temp\":21.75,\"heating\":true}".getBytes(StandardCharsets.UTF_8)).send();
            JsonNode latest = server.admin().get("/api/v1/devices/" + registered.id() + "/telemetry/latest").json();
            assertThat(latest.get("temp").get("value").asDouble()).isEqualTo(21.75);
            assertThat(latest.get("heating").get("value").asBoolean()).isTrue();
            JsonNode state = server.admin().get("/api/v1/devices/" + registered.id() + "/state").json();
            assertThat(state.get("connected").asBoolean()).isTrue();
            assertThat(state.get("active").asBoolean()).isTrue();
        } finally {
            device.disconnect();
        }
    }

    @Test
    void newCredentialsDisconnectTheDeviceWithAdministrativeActionAndOnlyTheNewOnesWork() {
        RegisteredDevice registered = register("rotated");
        List<MqttClientDisconnectedContext> ends = new CopyOnWriteArrayList<>();
        server.connect("rotated", registered.token(), ends);
        Response replaced = server.admin().put("/api/v1/devices/" + registered.id() + "/credentials",
                "{\"type\":\"ACCESS_TOKEN\",\"token\":\"rotated-token-2\"}");
        assertThat(replaced.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> !ends.isEmpty());
        assertThat(ends.get(0).getCause()).isInstanceOfSatisfying(Mqtt5DisconnectException.class,
                e -> assertThat(e.getMqttMessage().getReasonCode())
                        .isEqualTo(Mqtt5DisconnectReasonCode.ADMINISTRATIVE_ACTION));
        assertThatThrownBy(() -> server.connect("rotated-old", registered.token(), new CopyOnWriteArrayList<>()))
                .isInstanceOfSatisfying(Mqtt5ConnAckException.class, e -> assertThat(e.getMqttMessage()
                        .getReasonCode()).isEqualTo(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD));
        server.connect("rotated-new", "rotated-token-2", new CopyOnWriteArrayList<>()).disconnect();
    }
}
