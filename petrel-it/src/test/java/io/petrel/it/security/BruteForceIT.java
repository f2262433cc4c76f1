package io.petrel.it.security;

import static io.petrel.it.security.SecureBroker.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import io.petrel.engine.EngineConfig;
import io.petrel.security.SecurityConfig;
import io.petrel.security.limit.ConnectGuardConfig;
import io.petrel.security.limit.LimitsConfig;
import io.petrel.testkit.EmbeddedPetrel;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Brute-force protection: after failed logins an address must wait, whatever credentials it sends next;
 * other addresses are not affected. The refusals show in /metrics and $SYS.
 */
class BruteForceIT {
    @TempDir
    static Path dir;
    private static EmbeddedPetrel petrel;

    @BeforeAll
    static void start() throws Exception {
        SecurityConfig base = SecureBroker.security(SecureBroker.passwordFile(dir, "carol", "dave"), null, Map.of(),
                Set.of());
        // Loopback is not exempt here, so the guard applies to the test's own clients on 127.0.0.1.
        SecurityConfig guarded = new SecurityConfig(base.passwordFile(), null, Set.of(), Map.of(), true, null, null,
                null, 2, 1000, Duration.ofMillis(100),
                new ConnectGuardConfig(0, 3, Duration.ofMinutes(1), Duration.ofMinutes(5), false, 1000),
                LimitsConfig.none());
        petrel = SecureBroker.start(guarded, config -> config.withEngine(new EngineConfig(config.engine().sessions(),
                Duration.ofMillis(200), config.engine().version())));
    }

    @AfterAll
    static void stop() {
        petrel.close();
    }

    @Test
    void failedLoginsMakeTheAddressBackOff() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(v3Connect("carol", "guess-" + i)).isEqualTo(MqttException.REASON_CODE_NOT_AUTHORIZED);
        }
        // Backing off: even the right password is refused, with "connection rate exceeded" for v5 and
        // "server unavailable" for v3, before the password is looked at.
        assertThatThrownBy(() -> SecureBroker.connectV5(petrel, "carol-right", "carol", PASSWORD))
                .isInstanceOfSatisfying(Mqtt5ConnAckException.class, e -> assertThat(e.getMqttMessage().getReasonCode())
                        .isEqualTo(Mqtt5ConnAckReasonCode.CONNECTION_RATE_EXCEEDED));
        assertThat(v3Connect("carol", PASSWORD)).isEqualTo(MqttException.REASON_CODE_BROKER_UNAVAILABLE);

        // Another address is not affected.
        Mqtt5BlockingClient other = MqttClient.builder().useMqttVersion5().identifier("dave-elsewhere")
                .serverHost(petrel.host()).serverPort(petrel.port())
                .transportConfig().localAddress(new InetSocketAddress("127.0.0.2", 0)).applyTransportConfig()
                .buildBlocking();
        other.connectWith().simpleAuth().username("dave").password(PASSWORD.getBytes(StandardCharsets.UTF_8))
                .applySimpleAuth().send();
        Inbox sys = new Inbox("sys", other).subscribe("$SYS/petrel/security/connect_refused_backoff");
        await().atMost(Duration.ofSeconds(10)).until(() -> sys.received.contains(
                "$SYS/petrel/security/connect_refused_backoff=2"));
        other.disconnect();

        assertThat(petrel.metrics().closedCount("CONNECTION_RATE_EXCEEDED")).isEqualTo(2);
        String metrics = get("/metrics");
        assertThat(metrics).contains("petrel_security_events_total{reason=\"connect_backoff_started\"} 1.0")
                .contains("petrel_connections_closed_total{reason=\"connection_rate_exceeded\"} 2.0")
                .contains("petrel_connections_closed_total{reason=\"bad_username_or_password\"} 3.0");
        assertThat(get("/health")).contains("\"status\":\"up\"");
    }

    private static int v3Connect(String user, String password) throws MqttException {
        org.eclipse.paho.client.mqttv3.MqttClient client = new org.eclipse.paho.client.mqttv3.MqttClient(
                petrel.tcpUri(), "carol-v3", new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        // Without a fixed version Paho retries a refused 3.1.1 CONNECT as 3.1: two attempts per call.
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setUserName(user);
        options.setPassword(password.toCharArray());
        try {
            client.connect(options);
            client.disconnect();
            return 0;
        } catch (MqttException e) {
            return e.getReasonCode();
        } finally {
            client.close();
        }
    }

    private static String get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(petrel.httpUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
