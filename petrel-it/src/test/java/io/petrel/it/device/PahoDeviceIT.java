package io.petrel.it.device;

import static io.petrel.it.device.DeviceServer.bytes;
import static io.petrel.it.device.DeviceServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.petrel.api.Principal;
import io.petrel.api.store.platform.Device;
import io.petrel.api.store.platform.KvValue;
import io.petrel.api.store.platform.PayloadType;
import io.petrel.api.store.platform.ProvisionStrategy;
import io.petrel.platform.registry.NewProfile;
import io.petrel.platform.rpc.RpcCall;
import io.petrel.platform.rpc.RpcRequest;
import io.petrel.platform.rpc.RpcStatus;
import io.petrel.it.Paho5Inbox;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Paho drives the device API as the official SDK does (device-api.md §18): an MQTT 5 device with its four
 * subscriptions and getSessionLimits, and provisioning over MQTT 3.1.1 with the SUBSCRIBE and the PUBLISH sent
 * back to back, without waiting for the SUBACK.
 */
class PahoDeviceIT {
    private static final String PROVISION_KEY = "sensors-key";
    private static final String PROVISION_SECRET = "sensors-secret";

    private static DeviceServer server;

    @BeforeAll
    static void start() {
        server = DeviceServer.start();
        server.platform.registry().createProfile(new NewProfile(Principal.DEFAULT_ORGANIZATION, "sensors",
                PayloadType.JSON, ProvisionStrategy.ALLOW_CREATE_NEW_DEVICES, PROVISION_KEY, PROVISION_SECRET)).value();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void paho5RunsTheSdkStartTelemetryAndAServerRpc() throws Exception {
        Device device = server.device("paho5-device");
        MqttClient client = new MqttClient("tcp://" + server.petrel.host() + ":" + server.petrel.port(), "paho5",
                new org.eclipse.paho.mqttv5.client.persist.MemoryPersistence());
        Paho5Inbox inbox = new Paho5Inbox();
        client.setCallback(inbox);
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(server.token(device));
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(10);
        client.connect(options);
        IMqttToken subscribed = client.subscribe(new MqttSubscription[] {
                new MqttSubscription("v1/devices/me/attributes", 1),
                new MqttSubscription("v1/devices/me/attributes/response/+", 1),
                new MqttSubscription("v1/devices/me/rpc/request/+", 1),
                new MqttSubscription("v1/devices/me/rpc/response/+", 1)});
        assertThat(subscribed.getReasonCodes()).containsExactly(1, 1, 1, 1);

        client.publish("v1/devices/me/rpc/request/1", message("{\"method\":\"getSessionLimits\",\"params\":{}}"));
        Paho5Inbox.Arrived limits = inbox.next();
        assertThat(limits.topic()).isEqualTo("v1/devices/me/rpc/response/1");
        assertThat(json(limits.message().getPayload()).get("maxPayloadSize").asInt()).isEqualTo(65_536);

        client.publish("v1/devices/me/telemetry", message("[{\"level\":7}]"));
        assertThat(server.latest(device.id())).anySatisfy(entry -> {
            assertThat(entry.key()).isEqualTo("level");
            assertThat(entry.value()).isEqualTo(KvValue.of(7));
        });

        RpcCall call = server.platform.rpc().call(device.id(), new RpcRequest("getLevel", "{}", 0, false)).value();
        Paho5Inbox.Arrived request = inbox.next();
        assertThat(request.topic()).isEqualTo("v1/devices/me/rpc/request/" + call.id());
        client.publish("v1/devices/me/rpc/response/" + call.id(), message("{\"level\":7}"));
        assertThat(call.result().toCompletableFuture().get(10, TimeUnit.SECONDS).status())
                .isEqualTo(RpcStatus.SUCCESSFUL);
        client.disconnect();
        client.close();
    }

    @Test
    void provisioningOverMqtt311WithSubscribeAndPublishBackToBack() throws Exception {
        JsonNode answer = provision("{\"deviceName\":\"sensor-17\",\"provisionDeviceKey\":\"" + PROVISION_KEY
                + "\",\"provisionDeviceSecret\":\"" + PROVISION_SECRET + "\"}");
        assertThat(answer.get("status").asText()).isEqualTo("SUCCESS");
        assertThat(answer.get("credentialsType").asText()).isEqualTo("ACCESS_TOKEN");
        String token = answer.get("credentialsValue").asText();

        // The new device logs in with what it was given.
        org.eclipse.paho.client.mqttv3.MqttClient device = new org.eclipse.paho.client.mqttv3.MqttClient(uri(),
                "sensor-17", new MemoryPersistence());
        device.connect(v3Options(token, null));
        device.publish("v1/devices/me/telemetry", bytes("{\"t\":1}"), 1, false);
        Device registered = server.platform.registry().deviceByName(Principal.DEFAULT_ORGANIZATION, "sensor-17")
                .orElseThrow();
        assertThat(server.latest(registered.id())).hasSize(1);
        device.disconnect();
        device.close();
    }

    @Test
    void provisioningMqttBasicCredentialsAndBadSecrets() throws Exception {
        JsonNode basic = provision("{\"deviceName\":\"sensor-18\",\"provisionDeviceKey\":\"" + PROVISION_KEY
                + "\",\"provisionDeviceSecret\":\"" + PROVISION_SECRET + "\",\"credentialsType\":\"MQTT_BASIC\","
                + "\"clientId\":\"s18\",\"username\":\"s18-user\",\"password\":\"s18-pw\"}");
        assertThat(basic.get("status").asText()).isEqualTo("SUCCESS");
        assertThat(basic.at("/credentialsValue/userName").asText()).isEqualTo("s18-user");
        org.eclipse.paho.client.mqttv3.MqttClient device = new org.eclipse.paho.client.mqttv3.MqttClient(uri(), "s18",
                new MemoryPersistence());
        device.connect(v3Options("s18-user", "s18-pw"));
        device.disconnect();
        device.close();

        JsonNode refused = provision("{\"provisionDeviceKey\":\"" + PROVISION_KEY
                + "\",\"provisionDeviceSecret\":\"wrong\"}");
        assertThat(refused.get("status").asText()).isEqualTo("NOT_FOUND");
    }

    /** Provisions as the SDK does: MQTT 3.1.1, user name provision, SUBSCRIBE and PUBLISH at QoS 0 at once. */
    private static JsonNode provision(String request) throws Exception {
        MqttAsyncClient client = new MqttAsyncClient(uri(), "provision-client", new MemoryPersistence());
        BlockingQueue<byte[]> answers = new LinkedBlockingQueue<>();
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
            }

            @Override
            public void messageArrived(String topic, org.eclipse.paho.client.mqttv3.MqttMessage message) {
                answers.add(message.getPayload());
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        client.connect(v3Options("provision", null)).waitForCompletion(10_000);
        // device-api.md §18 item 8: no waiting for the SUBACK; the server handles them in order.
        client.subscribe("/provision/response", 0);
        client.publish("/provision/request", bytes(request), 0, false);
        byte[] answer = answers.poll(10, TimeUnit.SECONDS);
        assertThat(answer).as("the provisioning answer").isNotNull();
        client.disconnect().waitForCompletion(10_000);
        client.close();
        return json(answer);
    }

    private static String uri() {
        return "tcp://" + server.petrel.host() + ":" + server.petrel.port();
    }

    private static MqttConnectOptions v3Options(String user, String password) {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(10);
        options.setUserName(user);
        if (password != null) {
            options.setPassword(password.toCharArray());
        }
        return options;
    }

    private static MqttMessage message(String payload) {
        MqttMessage message = new MqttMessage(bytes(payload));
        message.setQos(1);
        return message;
    }
}
