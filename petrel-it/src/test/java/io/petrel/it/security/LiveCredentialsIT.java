package io.petrel.it.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5DisconnectException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import io.petrel.security.token.OrgToken;
import io.petrel.security.token.Revocations;
import io.petrel.testkit.EmbeddedPetrel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.IMqttClient;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Org tokens on live connections: expiry and revocation end them, v5 clients first learn why. */
class LiveCredentialsIT {
    private static EmbeddedPetrel petrel;

    @BeforeAll
    static void start() {
        petrel = SecureBroker.start(SecureBroker.security(null, null, Map.of(), Set.of()));
    }

    @AfterAll
    static void stop() {
        petrel.close();
    }

    @Test
    void anExpiringTokenEndsTheConnectionWithMaximumConnectTime() throws Exception {
        OrgToken token = SecureBroker.token("acme", List.of("a/#"), List.of("a/#"), Duration.ofSeconds(3));
        List<MqttClientDisconnectedContext> ends = new CopyOnWriteArrayList<>();
        Mqtt5BlockingClient v5 = SecureBroker.v5(petrel, "expiring-v5").addDisconnectedListener(ends::add)
                .buildBlocking();
        v5.connectWith().simpleAuth().username(SecureBroker.sign(petrel, token)).applySimpleAuth().send();
        IMqttClient v3 = new MqttClient(petrel.tcpUri(), "expiring-v3", new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName(SecureBroker.sign(petrel, token));
        v3.connect(options);
        assertThat(v5.getState().isConnected()).isTrue();

        await().atMost(Duration.ofSeconds(20)).until(() -> !ends.isEmpty() && !v3.isConnected());
        // 0xA0 "maximum connect time": the credential's time is up; renew it and reconnect.
        assertThat(ends.get(0).getCause()).isInstanceOfSatisfying(Mqtt5DisconnectException.class,
                e -> assertThat(e.getMqttMessage().getReasonCode())
                        .isEqualTo(Mqtt5DisconnectReasonCode.MAXIMUM_CONNECT_TIME));
        assertThat(petrel.metrics().closedCount("CREDENTIALS_EXPIRED")).isEqualTo(2);
        v3.close();
    }

    @Test
    void revokingATokenEndsItsConnectionsAndRefusesItAfterwards() throws Exception {
        OrgToken revoked = SecureBroker.token("acme", List.of(), List.of("a/#"), Duration.ofHours(1));
        OrgToken kept = SecureBroker.token("acme", List.of(), List.of("a/#"), Duration.ofHours(1));
        List<MqttClientDisconnectedContext> ends = new CopyOnWriteArrayList<>();
        Mqtt5BlockingClient victim = SecureBroker.v5(petrel, "revoked").addDisconnectedListener(ends::add)
                .buildBlocking();
        victim.connectWith().simpleAuth().username(SecureBroker.sign(petrel, revoked)).applySimpleAuth().send();
        Mqtt5BlockingClient bystander = SecureBroker.connectV5(petrel, "kept", SecureBroker.sign(petrel, kept), null);

        // What `petrel token revoke` does: the running server follows the list in its data directory.
        Path list = petrel.server().config().dataDir().resolve(Revocations.DEFAULT_FILE);
        Revocations.revoke(list, revoked.id(), revoked.expiresAt(), Instant.now());

        await().atMost(Duration.ofSeconds(20)).until(() -> !ends.isEmpty());
        assertThat(ends.get(0).getCause()).isInstanceOfSatisfying(Mqtt5DisconnectException.class,
                e -> assertThat(e.getMqttMessage().getReasonCode())
                        .isEqualTo(Mqtt5DisconnectReasonCode.ADMINISTRATIVE_ACTION));
        assertThat(bystander.getState().isConnected()).isTrue();
        assertThatThrownBy(() -> SecureBroker.connectV5(petrel, "revoked-again", SecureBroker.sign(petrel, revoked), null))
                .isInstanceOfSatisfying(Mqtt5ConnAckException.class, e -> assertThat(e.getMqttMessage().getReasonCode())
                        .isEqualTo(Mqtt5ConnAckReasonCode.NOT_AUTHORIZED));
        bystander.disconnect();
    }
}
