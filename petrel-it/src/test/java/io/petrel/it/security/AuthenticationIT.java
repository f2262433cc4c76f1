package io.petrel.it.security;

import static io.petrel.it.security.SecureBroker.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import io.petrel.api.auth.TopicScope;
import io.petrel.security.token.OrgToken;
import io.petrel.testkit.EmbeddedPetrel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Logins with HiveMQ, Paho v3 and Paho v5: password files from mosquitto_passwd, org tokens, refusals. */
class AuthenticationIT {
    @TempDir
    static Path dir;
    private static EmbeddedPetrel petrel;

    @BeforeAll
    static void start() throws Exception {
        petrel = SecureBroker.start(SecureBroker.security(SecureBroker.passwordFile(dir, "alice", "bob"), null,
                Map.of(), Set.of()));
    }

    @AfterAll
    static void stop() {
        petrel.close();
    }

    @Test
    void aUserFromAMosquittoPasswordFileLogsIn() throws Exception {
        SecureBroker.connectV5(petrel, "alice-v5", "alice", PASSWORD).disconnect();
        MqttClient v3 = paho("bob-v3");
        v3.connect(options("bob", PASSWORD));
        assertThat(v3.isConnected()).isTrue();
        v3.disconnect();
        v3.close();
    }

    @Test
    void aWrongPasswordGets0x86ForV5AndReturnCode5ForV3() throws Exception {
        assertThatThrownBy(() -> SecureBroker.connectV5(petrel, "alice-bad", "alice", "wrong"))
                .isInstanceOfSatisfying(Mqtt5ConnAckException.class, e -> assertThat(e.getMqttMessage().getReasonCode())
                        .isEqualTo(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD));
        assertThatThrownBy(() -> SecureBroker.connectV5(petrel, "nobody", "mallory", PASSWORD))
                .isInstanceOf(Mqtt5ConnAckException.class);
        MqttClient v3 = paho("bob-bad");
        assertThatThrownBy(() -> v3.connect(options("bob", "wrong"))).isInstanceOfSatisfying(MqttException.class,
                e -> assertThat(e.getReasonCode()).isEqualTo(MqttException.REASON_CODE_NOT_AUTHORIZED));
        v3.close();
        assertThat(petrel.metrics().closedCount("BAD_USERNAME_OR_PASSWORD")).isGreaterThanOrEqualTo(3);
    }

    @Test
    void anonymousClientsGet0x85ForV5AndReturnCode2ForV3WhereTheListenerRefusesThem() throws Exception {
        // With the device platform on, a client id without user name is a device's credential (device-api.md
        // §1.5), and one that no device has is refused as an invalid client identifier.
        Mqtt5BlockingClient anonymous = SecureBroker.v5(petrel, "anon").buildBlocking();
        assertThatThrownBy(anonymous::connect).isInstanceOfSatisfying(Mqtt5ConnAckException.class, e ->
                assertThat(e.getMqttMessage().getReasonCode()).isEqualTo(Mqtt5ConnAckReasonCode.CLIENT_IDENTIFIER_NOT_VALID));
        MqttClient v3 = paho("anon-v3");
        assertThatThrownBy(() -> v3.connect(new MqttConnectOptions())).isInstanceOfSatisfying(MqttException.class,
                e -> assertThat(e.getReasonCode()).isEqualTo(MqttException.REASON_CODE_INVALID_CLIENT_ID));
        v3.close();
    }

    @Test
    void withoutTheDevicePlatformAnonymousClientsGet0x87ForV5AndReturnCode5ForV3() throws Exception {
        try (EmbeddedPetrel plain = SecureBroker.start(SecureBroker.security(null, null, Map.of(), Set.of()),
                config -> config.withDevices(config.devices().withEnabled(false)))) {
            Mqtt5BlockingClient anonymous = SecureBroker.v5(plain, "anon").buildBlocking();
            assertThatThrownBy(anonymous::connect).isInstanceOfSatisfying(Mqtt5ConnAckException.class, e ->
                    assertThat(e.getMqttMessage().getReasonCode()).isEqualTo(Mqtt5ConnAckReasonCode.NOT_AUTHORIZED));
            MqttClient v3 = new MqttClient("tcp://" + plain.host() + ":" + plain.port(), "anon-v3",
                    new MemoryPersistence());
            assertThatThrownBy(() -> v3.connect(new MqttConnectOptions())).isInstanceOfSatisfying(MqttException.class,
                    e -> assertThat(e.getReasonCode()).isEqualTo(MqttException.REASON_CODE_NOT_AUTHORIZED));
            v3.close();
        }
    }

    @Test
    void anOrgTokenIsTheUserNameWithThePasswordAbsentEmptyOrTheTokenAgain() throws Exception {
        String token = SecureBroker.sign(petrel, SecureBroker.token("acme", List.of(), List.of("device/#"),
                Duration.ofHours(1)));
        Mqtt5BlockingClient absent = SecureBroker.v5(petrel, "token-absent").buildBlocking();
        absent.connectWith().simpleAuth().username(token).applySimpleAuth().send();
        absent.disconnect();
        SecureBroker.connectV5(petrel, "token-empty", token, "").disconnect();
        SecureBroker.connectV5(petrel, "token-again", token, token).disconnect();
        MqttClient v3 = paho("token-v3");
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName(token);
        v3.connect(options);
        v3.disconnect();
        v3.close();

        assertThatThrownBy(() -> SecureBroker.connectV5(petrel, "token-other", token, "other"))
                .isInstanceOfSatisfying(Mqtt5ConnAckException.class, e -> assertThat(e.getMqttMessage().getReasonCode())
                        .isEqualTo(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD));
    }

    @Test
    void anExpiredOrForgedTokenIsRefused() {
        String expired = SecureBroker.sign(petrel, new OrgToken("old", "app", "acme",
                new TopicScope(List.of(), List.of("#")), false, Instant.now().minusSeconds(7200),
                Instant.now().minusSeconds(3600)));
        assertThatThrownBy(() -> SecureBroker.connectV5(petrel, "expired", expired, null))
                .isInstanceOfSatisfying(Mqtt5ConnAckException.class, e -> assertThat(e.getMqttMessage().getReasonCode())
                        .isEqualTo(Mqtt5ConnAckReasonCode.NOT_AUTHORIZED));
        String valid = SecureBroker.sign(petrel, SecureBroker.token("acme", List.of(), List.of("#"), Duration.ofHours(1)));
        String forged = valid.substring(0, valid.length() - 4) + (valid.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThatThrownBy(() -> SecureBroker.connectV5(petrel, "forged", forged, null))
                .isInstanceOfSatisfying(Mqtt5ConnAckException.class, e -> assertThat(e.getMqttMessage().getReasonCode())
                        .isEqualTo(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD));
    }

    @Test
    void pahoV5SeesTheSameReasonCodes() throws Exception {
        org.eclipse.paho.mqttv5.client.MqttClient v5 = new org.eclipse.paho.mqttv5.client.MqttClient(petrel.tcpUri(),
                "paho-v5", new org.eclipse.paho.mqttv5.client.persist.MemoryPersistence());
        MqttConnectionOptions wrong = new MqttConnectionOptions();
        wrong.setUserName("alice");
        wrong.setPassword("wrong".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> v5.connect(wrong))
                .isInstanceOfSatisfying(org.eclipse.paho.mqttv5.common.MqttException.class,
                        e -> assertThat(e.getReasonCode()).isEqualTo(0x86));
        MqttConnectionOptions token = new MqttConnectionOptions();
        token.setUserName(SecureBroker.sign(petrel, SecureBroker.token("acme", List.of(), List.of("#"),
                Duration.ofHours(1))));
        v5.connect(token);
        assertThat(v5.isConnected()).isTrue();
        v5.disconnect();
        v5.close();
    }

    private static MqttClient paho(String id) throws MqttException {
        return new MqttClient(petrel.tcpUri(), id, new MemoryPersistence());
    }

    private static MqttConnectOptions options(String user, String password) {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName(user);
        options.setPassword(password.toCharArray());
        options.setConnectionTimeout(10);
        return options;
    }
}
