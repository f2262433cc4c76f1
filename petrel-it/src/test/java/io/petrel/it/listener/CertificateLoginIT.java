package io.petrel.it.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import io.petrel.api.Message;
import io.petrel.api.QoS;
import io.petrel.mqtt.listener.ListenerConfig;
import io.petrel.mqtt.listener.ListenerType;
import io.petrel.mqtt.transport.tls.TlsConfig;
import io.petrel.security.SecurityConfig;
import io.petrel.security.cert.CertificateAuthenticator;
import io.petrel.server.tls.CertificateAuthority;
import io.petrel.testkit.EmbeddedPetrel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Devices log in with their TLS client certificate alone: the identity comes from the certificate's CN, or from
 * a fingerprint mapping, and puts the device in its organization. Anonymous access is off on the listener.
 */
class CertificateLoginIT {
    @TempDir
    Path dir;
    private EmbeddedPetrel petrel;
    private CertificateAuthority ca;
    private TrustManagerFactory trust;

    private void start(CertificateAuthenticator.Identity identity, Map<String, String> fingerprints)
            throws Exception {
        if (ca == null) {
            ca = TestTls.ca("Test Device CA");
        }
        List<Path> server = TestTls.serverPem(ca, dir, "server");
        Path caFile = TestTls.caFile(ca, dir, "devices");
        TlsConfig tls = TlsConfig.pem(server.get(0), server.get(1)).withClientAuth(TlsConfig.ClientAuth.REQUIRED,
                caFile);
        ListenerConfig listener = new ListenerConfig("mtls", ListenerType.TLS, EmbeddedPetrel.HOST, 0,
                ListenerConfig.DEFAULT_PATH, ListenerConfig.DEFAULT_MAX_FRAME_SIZE, false, List.of(), false, tls);
        Path names = Files.writeString(dir.resolve("fingerprints"), fingerprints.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue() + "\n").reduce("", String::concat));
        SecurityConfig defaults = SecurityConfig.defaults();
        SecurityConfig security = new SecurityConfig(null, null, defaults.operators(),
                Map.of("acme", List.of("sensor-7", "gateway")), true, null, identity, names, 2, 100,
                defaults.reloadInterval(), defaults.guard(), defaults.limits());
        petrel = EmbeddedPetrel.withConfig(config -> config.withListeners(List.of(listener)).withDataDir(dir)
                .withSecurity(security));
        trust = TestTls.trust(caFile);
    }

    @AfterEach
    void stop() {
        if (petrel != null) {
            petrel.close();
        }
    }

    @Test
    void theCommonNameNamesTheDeviceAndItsOrganization() throws Exception {
        start(CertificateAuthenticator.Identity.CN, Map.of());
        Mqtt5BlockingClient sensor = Clients.hivemq("sensor-7", ListenerType.TLS, petrel.port("mtls"), trust,
                TestTls.keys(TestTls.client(ca, "sensor-7", List.of()), ca), "/mqtt", Map.of());
        sensor.connect();
        List<String> received = new CopyOnWriteArrayList<>();
        sensor.toAsync().publishes(MqttGlobalPublishFilter.ALL,
                p -> received.add(p.getTopic() + "=" + new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8)));
        sensor.subscribeWith().topicFilter("#").qos(MqttQos.AT_LEAST_ONCE).send();
        try {
            petrel.server().broker().publish("default", Message.of("cmd", utf8("default"), QoS.AT_LEAST_ONCE, false));
            petrel.server().broker().publish("acme", Message.of("cmd", utf8("acme"), QoS.AT_LEAST_ONCE, false));
            await().atMost(Duration.ofSeconds(10)).until(() -> !received.isEmpty());
            assertThat(received).containsExactly("cmd=acme");
        } finally {
            sensor.disconnect();
        }
    }

    @Test
    void aFingerprintMappingNamesTheDeviceAndAnUnmappedCertificateIsRefused() throws Exception {
        ca = TestTls.ca("Test Device CA");
        CertificateAuthority.Issued gateway = TestTls.client(ca, "gw-serial-0042", List.of());
        String fingerprint = HexFormat.ofDelimiter(":").formatHex(
                MessageDigest.getInstance("SHA-256").digest(gateway.certificate().getEncoded()));
        start(CertificateAuthenticator.Identity.FINGERPRINT, Map.of(fingerprint, "gateway"));

        Mqtt5BlockingClient mapped = Clients.hivemq("gw", ListenerType.TLS, petrel.port("mtls"), trust,
                TestTls.keys(gateway, ca), "/mqtt", Map.of());
        mapped.connect();
        mapped.disconnect();

        // Same CA, no mapping: no identity, and anonymous access is off.
        Mqtt5BlockingClient unmapped = Clients.hivemq("other", ListenerType.TLS, petrel.port("mtls"), trust,
                TestTls.keys(TestTls.client(ca, "gw-serial-0043", List.of()), ca), "/mqtt", Map.of());
        assertThatThrownBy(unmapped::connect).isInstanceOfSatisfying(Mqtt5ConnAckException.class,
                e -> assertThat(e.getMqttMessage().getReasonCode()).isEqualTo(Mqtt5ConnAckReasonCode.NOT_AUTHORIZED));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
