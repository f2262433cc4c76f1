package io.petrel.it.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import io.petrel.api.auth.ClientCertificate;
import io.petrel.api.auth.ConnectAttempt;
import io.petrel.mqtt.listener.ListenerConfig;
import io.petrel.mqtt.listener.ListenerType;
import io.petrel.mqtt.transport.tls.TlsConfig;
import io.petrel.mqtt.transport.tls.TlsHandshakeHandler;
import io.petrel.server.tls.CertificateAuthority;
import io.petrel.testkit.EmbeddedPetrel;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Mutual TLS with each TLS implementation: the client certificate's identity reaches authentication, and bad
 * handshakes (no certificate, a wrong CA, an expired certificate, plain MQTT) are refused without disturbing a
 * client that is already connected.
 */
class TlsMutualIT {
    @TempDir
    Path dir;
    private EmbeddedPetrel petrel;
    private final RecordingAuthenticator auth = new RecordingAuthenticator();
    private CertificateAuthority ca;
    private TrustManagerFactory trust;

    private void start(TlsConfig.Provider provider, TlsConfig.ClientAuth clientAuth) throws Exception {
        ca = TestTls.ca("Test Device CA");
        List<Path> server = TestTls.serverPem(ca, dir, "server");
        Path caFile = TestTls.caFile(ca, dir, "devices");
        TlsConfig tls = TlsConfig.pem(server.get(0), server.get(1)).withProvider(provider)
                .withClientAuth(clientAuth, caFile);
        ListenerConfig listener = ListenerConfig.of("mtls", ListenerType.TLS, EmbeddedPetrel.HOST, 0, tls);
        petrel = EmbeddedPetrel.start(b -> b.config(EmbeddedPetrel.testConfig().withListeners(List.of(listener))
                .withDataDir(dir)).authenticator(auth));
        trust = TestTls.trust(caFile);
    }

    @AfterEach
    void stop() {
        if (petrel != null) {
            petrel.close();
        }
    }

    private Mqtt5BlockingClient client(String id, CertificateAuthority.Issued certificate, CertificateAuthority issuer)
            throws Exception {
        return Clients.hivemq(id, ListenerType.TLS, petrel.port("mtls"), trust,
                certificate == null ? null : TestTls.keys(certificate, issuer), "/mqtt", Map.of());
    }

    @ParameterizedTest
    @EnumSource(value = TlsConfig.Provider.class, names = {"JDK", "OPENSSL"})
    void theClientCertificateIdentityReachesAuthentication(TlsConfig.Provider provider) throws Exception {
        start(provider, TlsConfig.ClientAuth.REQUIRED);
        CertificateAuthority.Issued sensor = TestTls.client(ca, "sensor-7", List.of("sensor-7.devices.example"));
        Mqtt5BlockingClient client = client("sensor-7", sensor, ca);
        client.connect();
        try {
            ConnectAttempt attempt = auth.attempt("sensor-7");
            ClientCertificate certificate = attempt.certificate();
            assertThat(certificate).isNotNull();
            assertThat(certificate.commonName()).isEqualTo("sensor-7");
            assertThat(certificate.subject()).isEqualTo("CN=sensor-7,O=Petrel");
            assertThat(certificate.subjectAltNames()).containsExactly("sensor-7.devices.example");
            assertThat(certificate.notAfterMillis()).isEqualTo(sensor.certificate().getNotAfter().getTime());
            assertThat(certificate.sha256Fingerprint()).isEqualTo(HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(sensor.certificate().getEncoded())));
        } finally {
            client.disconnect();
        }
    }

    @ParameterizedTest
    @EnumSource(value = TlsConfig.Provider.class, names = {"JDK", "OPENSSL"})
    void badHandshakesAreRefusedWithoutHarmToAConnectedClient(TlsConfig.Provider provider) throws Exception {
        start(provider, TlsConfig.ClientAuth.REQUIRED);
        Mqtt5BlockingClient good = client("good", TestTls.client(ca, "good", List.of()), ca);
        good.connect();
        try (Mqtt5BlockingClient.Mqtt5Publishes publishes = good.publishes(MqttGlobalPublishFilter.ALL)) {
            good.subscribeWith().topicFilter("still/here").qos(MqttQos.AT_LEAST_ONCE).send();

            Mqtt5BlockingClient anonymous = client("no-cert", null, ca);
            assertThatThrownBy(anonymous::connect).as("no client certificate").isInstanceOf(RuntimeException.class);

            CertificateAuthority other = TestTls.ca("Some Other CA");
            Mqtt5BlockingClient stranger = client("stranger", TestTls.client(other, "stranger", List.of()), other);
            assertThatThrownBy(stranger::connect).as("certificate from another CA")
                    .isInstanceOf(RuntimeException.class);

            Instant now = Instant.now();
            CertificateAuthority.Issued expired = ca.issueClient("expired", List.of(),
                    now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(1)));
            assertThatThrownBy(client("expired", expired, ca)::connect).as("expired certificate")
                    .isInstanceOf(RuntimeException.class);

            assertThat(plainMqttToTheTlsPort()).as("plain MQTT gets no CONNACK").isEqualTo(-1);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(petrel.metrics().closedCount(TlsHandshakeHandler.CLOSE_REASON)).isGreaterThanOrEqualTo(4));
            good.publishWith().topic("still/here").qos(MqttQos.AT_LEAST_ONCE)
                    .payload("fine".getBytes(StandardCharsets.UTF_8)).send();
            assertThat(publishes.receive(30, TimeUnit.SECONDS)).isPresent();
        } finally {
            good.disconnect();
        }
    }

    @ParameterizedTest
    @EnumSource(value = TlsConfig.Provider.class, names = {"JDK", "OPENSSL"})
    void withOptionalClientAuthAClientWithoutCertificateConnectsWithNoIdentity(TlsConfig.Provider provider)
            throws Exception {
        start(provider, TlsConfig.ClientAuth.OPTIONAL);
        Mqtt5BlockingClient plain = client("plain", null, ca);
        plain.connect();
        Mqtt5BlockingClient withCert = client("with-cert", TestTls.client(ca, "with-cert", List.of()), ca);
        withCert.connect();
        try {
            assertThat(auth.attempt("plain").certificate()).isNull();
            assertThat(auth.attempt("with-cert").certificate().commonName()).isEqualTo("with-cert");
        } finally {
            plain.disconnect();
            withCert.disconnect();
        }
    }

    /** Sends an MQTT CONNECT in clear to the TLS port; returns the first byte back, or -1 when closed. */
    private int plainMqttToTheTlsPort() throws Exception {
        try (Socket socket = new Socket(EmbeddedPetrel.HOST, petrel.port("mtls"))) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(RawMqtt.connect("plain-to-tls"));
            out.flush();
            InputStream in = socket.getInputStream();
            return in.read();
        }
    }
}
