package io.petrel.it.device;

import static io.petrel.it.device.DeviceServer.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5DisconnectException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import io.petrel.api.store.platform.AttributeScope;
import io.petrel.api.store.platform.Device;
import io.petrel.mqtt.listener.ListenerConfig;
import io.petrel.mqtt.listener.ListenerType;
import io.petrel.testkit.EmbeddedPetrel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Devices log in with their credentials (device-api.md §1): an access token, MQTT basic credentials in each of
 * their three shapes, and the CONNACK codes of refusals for MQTT 5 (HiveMQ) and MQTT 3.1.1 (Paho). One device has
 * one session (§2.1). The {@code closed} listener refuses anonymous clients; {@code tcp} lets them in.
 */
class DeviceLoginIT {
    private static DeviceServer server;

    @BeforeAll
    static void start() {
        server = DeviceServer.start(config -> config.withListeners(List.of(
                ListenerConfig.tcp("tcp", EmbeddedPetrel.HOST, 0),
                new ListenerConfig("closed", ListenerType.TCP, EmbeddedPetrel.HOST, 0, "/mqtt", 1 << 20, false,
                        List.of(), false, null))));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anAccessTokenLogsTheDeviceInWhateverThePassword() throws Exception {
        Device device = server.device("token-device");
        String token = server.token(device);
        assertThat(v5("any-id", token, "ignored")).isEqualTo(Mqtt5ConnAckReasonCode.SUCCESS);
        assertThat(v3("any-id-3", token, null)).isZero();
        assertThat(server.platform.attributes().read(device.id(), AttributeScope.SERVER,
                List.of("lastConnectTime")).toCompletableFuture().get()).hasSize(1);
    }

    @Test
    void unknownTokensAreRefusedAsBadCredentialsWithReturnCode5ForMqtt3() throws Exception {
        assertThat(v5("x", "no-such-token", null)).isEqualTo(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD);
        // device-api.md §1.5: MQTT 3 return code 5, not authorized.
        assertThat(v3("x3", "no-such-token", null)).isEqualTo(MqttException.REASON_CODE_NOT_AUTHORIZED);
    }

    @Test
    void basicCredentialsOfAClientIdAloneNeedNoUserName() throws Exception {
        Device device = server.device("basic-client-id");
        server.basicCredentials(device, "meter-0042", null, null);
        assertThat(v5("meter-0042", null, null)).isEqualTo(Mqtt5ConnAckReasonCode.SUCCESS);
        assertThat(v3("meter-0042", null, null)).isZero();
    }

    @Test
    void basicCredentialsOfAUserNameCheckItsPassword() throws Exception {
        Device device = server.device("basic-user");
        server.basicCredentials(device, null, "pump-user", "s3cret");
        assertThat(v5("whatever", "pump-user", "s3cret")).isEqualTo(Mqtt5ConnAckReasonCode.SUCCESS);
        assertThat(v5("whatever", "pump-user", "wrong")).isEqualTo(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD);
        assertThat(v3("whatever-3", "pump-user", "wrong")).isEqualTo(MqttException.REASON_CODE_NOT_AUTHORIZED);
        assertThat(v3("whatever-3", "pump-user", "s3cret")).isZero();
    }

    @Test
    void basicCredentialsOfAClientIdAndUserNameNeedBoth() throws Exception {
        Device device = server.device("basic-pair");
        server.basicCredentials(device, "valve-7", "valve-user", "pw");
        assertThat(v5("valve-7", "valve-user", "pw")).isEqualTo(Mqtt5ConnAckReasonCode.SUCCESS);
        assertThat(v5("valve-7", "valve-user", "nope")).isEqualTo(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD);
        assertThat(v5("valve-8", "valve-user", "pw")).isEqualTo(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD);
        assertThat(v3("valve-7", "valve-user", "pw")).isZero();
    }

    @Test
    void withoutUserNameAnUnknownClientIdIsRefusedWhereAnonymousAccessIsOff() throws Exception {
        // device-api.md §1.5: client identifier not valid, 0x85 for MQTT 5 and 2 for MQTT 3.
        assertThat(connectV5("closed", "unknown-meter", null, null))
                .isEqualTo(Mqtt5ConnAckReasonCode.CLIENT_IDENTIFIER_NOT_VALID);
        assertThat(connectV3("closed", "unknown-meter", null, null))
                .isEqualTo(MqttException.REASON_CODE_INVALID_CLIENT_ID);
        // Where anonymous access is on, such a client is any anonymous client.
        assertThat(connectV5("tcp", "unknown-meter", null, null)).isEqualTo(Mqtt5ConnAckReasonCode.SUCCESS);
        assertThat(server.petrel.metrics().closedCount("UNKNOWN_CLIENT_IDENTIFIER")).isEqualTo(2);
    }

    @Test
    void aNewSessionOfADeviceTakesOverWhateverItsClientId() throws Exception {
        String token = server.token(server.device("one-session"));
        AtomicReference<@Nullable Throwable> firstCause = new AtomicReference<>();
        Mqtt5BlockingClient first = client("tcp", "first-id").simpleAuth().username(token).applySimpleAuth()
                .addDisconnectedListener(context -> firstCause.set(context.getCause())).buildBlocking();
        first.connect();

        org.eclipse.paho.client.mqttv3.MqttClient second = paho("tcp", "second-id");
        AtomicReference<@Nullable Throwable> secondLost = new AtomicReference<>();
        second.setCallback(lost(secondLost));
        second.connect(options(token, null));
        // device-api.md §2.1: 0x8E session taken over, although the client ids differ.
        await().atMost(Duration.ofSeconds(30)).until(() -> firstCause.get() != null);
        assertThat(firstCause.get()).isInstanceOfSatisfying(Mqtt5DisconnectException.class, e ->
                assertThat(e.getMqttMessage().getReasonCode()).isEqualTo(Mqtt5DisconnectReasonCode.SESSION_TAKEN_OVER));

        Mqtt5BlockingClient third = client("tcp", "third-id").simpleAuth().username(token).applySimpleAuth()
                .buildBlocking();
        third.connect();
        // An MQTT 3 client has no DISCONNECT to read: it loses its connection.
        await().atMost(Duration.ofSeconds(30)).until(() -> secondLost.get() != null);
        assertThat(third.getState().isConnected()).isTrue();
        third.disconnect();
        second.close();
    }

    private static Mqtt5ConnAckReasonCode v5(String clientId, @Nullable String user, @Nullable String password) {
        return connectV5("tcp", clientId, user, password);
    }

    private static int v3(String clientId, @Nullable String user, @Nullable String password) throws Exception {
        return connectV3("tcp", clientId, user, password);
    }

    private static Mqtt5ConnAckReasonCode connectV5(String listener, String clientId, @Nullable String user,
            @Nullable String password) {
        Mqtt5BlockingClient client = client(listener, clientId).buildBlocking();
        try {
            var connect = client.connectWith();
            if (user != null) {
                var auth = connect.simpleAuth().username(user);
                if (password != null) {
                    auth = auth.password(bytes(password));
                }
                connect = auth.applySimpleAuth();
            }
            Mqtt5ConnAckReasonCode code = connect.send().getReasonCode();
            client.disconnect();
            return code;
        } catch (Mqtt5ConnAckException refused) {
            return refused.getMqttMessage().getReasonCode();
        }
    }

    private static int connectV3(String listener, String clientId, @Nullable String user, @Nullable String password)
            throws Exception {
        org.eclipse.paho.client.mqttv3.MqttClient client = paho(listener, clientId);
        try {
            client.connect(options(user, password));
            client.disconnect();
            return 0;
        } catch (MqttException refused) {
            return refused.getReasonCode();
        } finally {
            client.close();
        }
    }

    private static com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder client(String listener, String clientId) {
        return MqttClient.builder().useMqttVersion5().identifier(clientId).serverHost(EmbeddedPetrel.HOST)
                .serverPort(server.petrel.port(listener));
    }

    private static org.eclipse.paho.client.mqttv3.MqttClient paho(String listener, String clientId)
            throws MqttException {
        return new org.eclipse.paho.client.mqttv3.MqttClient("tcp://" + EmbeddedPetrel.HOST + ":"
                + server.petrel.port(listener), clientId, new MemoryPersistence());
    }

    private static MqttConnectOptions options(@Nullable String user, @Nullable String password) {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(10);
        if (user != null) {
            options.setUserName(user);
        }
        if (password != null) {
            options.setPassword(password.toCharArray());
        }
        return options;
    }

    private static MqttCallback lost(AtomicReference<@Nullable Throwable> cause) {
        return new MqttCallback() {
            @Override
            public void connectionLost(Throwable reason) {
                cause.set(reason);
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        };
    }
}
