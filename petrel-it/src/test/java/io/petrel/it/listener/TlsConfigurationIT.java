package io.petrel.it.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import io.petrel.mqtt.listener.ListenerConfig;
import io.petrel.mqtt.listener.ListenerType;
import io.petrel.mqtt.transport.tls.TlsConfig;
import io.petrel.server.tls.CertificateAuthority;
import io.petrel.testkit.EmbeddedPetrel;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Certificates as PEM or PKCS#12, TLS versions and ciphers, and reloading certificates under live clients. */
class TlsConfigurationIT {
    @TempDir
    Path dir;
    private EmbeddedPetrel petrel;
    private CertificateAuthority ca;
    private Path caFile;

    @AfterEach
    void stop() {
        if (petrel != null) {
            petrel.close();
        }
    }

    private void start(TlsConfig tls) {
        ListenerConfig listener = ListenerConfig.of("tls", ListenerType.TLS, EmbeddedPetrel.HOST, 0, tls);
        petrel = EmbeddedPetrel.withConfig(c -> c.withListeners(List.of(listener)).withDataDir(dir));
    }

    private TlsConfig pem() throws Exception {
        ca = TestTls.ca("Test CA");
        caFile = TestTls.caFile(ca, dir, "test");
        List<Path> server = TestTls.serverPem(ca, dir, "server");
        return TlsConfig.pem(server.get(0), server.get(1));
    }

    private SSLSocket handshake(String... protocols) throws Exception {
        SSLContext context = TestTls.context(caFile, null);
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(EmbeddedPetrel.HOST, petrel.port("tls"));
        socket.setSoTimeout(30_000);
        if (protocols.length > 0) {
            socket.setEnabledProtocols(protocols);
        }
        socket.startHandshake();
        return socket;
    }

    @Test
    void aPkcs12KeystoreServesTheCertificate() throws Exception {
        ca = TestTls.ca("Keystore CA");
        caFile = TestTls.caFile(ca, dir, "keystore");
        CertificateAuthority.Issued server = ca.issueServer("p12", List.of("localhost"), List.of("127.0.0.1"),
                java.time.Instant.now().minus(Duration.ofHours(1)), java.time.Instant.now().plus(Duration.ofDays(1)));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", server.key(), "changeit".toCharArray(),
                new X509Certificate[] {server.certificate(), ca.certificate()});
        Path p12 = dir.resolve("server.p12");
        try (OutputStream out = Files.newOutputStream(p12)) {
            store.store(out, "changeit".toCharArray());
        }
        start(new TlsConfig(null, null, p12, "changeit", TlsConfig.SUPPORTED_PROTOCOLS, List.of(),
                TlsConfig.ClientAuth.NONE, null, TlsConfig.Provider.AUTO, Duration.ofSeconds(10)));
        try (SSLSocket socket = handshake()) {
            X509Certificate served = (X509Certificate) socket.getSession().getPeerCertificates()[0];
            assertThat(served.getSubjectX500Principal().getName()).contains("CN=p12");
            socket.getOutputStream().write(RawMqtt.connect("p12-client"));
            assertThat(socket.getInputStream().readNBytes(4)).containsExactly(RawMqtt.CONNACK);
        }
    }

    @ParameterizedTest
    @EnumSource(value = TlsConfig.Provider.class, names = {"JDK", "OPENSSL"})
    void onlyTheConfiguredVersionAndCipherAreNegotiated(TlsConfig.Provider provider) throws Exception {
        TlsConfig base = pem();
        String cipher = "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384";
        start(new TlsConfig(base.certificate(), base.privateKey(), null, null, List.of("TLSv1.2"), List.of(cipher),
                TlsConfig.ClientAuth.NONE, null, provider, Duration.ofSeconds(10)));
        try (SSLSocket socket = handshake()) {
            assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.2");
            assertThat(socket.getSession().getCipherSuite()).isEqualTo(cipher);
        }
        assertThatThrownBy(() -> handshake("TLSv1.3").close()).isInstanceOf(SSLException.class);
    }

    @Test
    void bothVersionsAreOfferedByDefaultAndTls13IsPreferred() throws Exception {
        start(pem());
        try (SSLSocket socket = handshake()) {
            assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.3");
        }
        try (SSLSocket socket = handshake("TLSv1.2")) {
            assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.2");
        }
    }

    @Test
    void changedCertificateFilesAreServedToNewClientsWithoutDroppingConnectedOnes() throws Exception {
        TlsConfig tls = pem().withReloadInterval(Duration.ofMillis(200));
        start(tls);
        CertificateAuthority renewedCa = TestTls.ca("Renewed CA");
        Path bothCas = dir.resolve("both.pem");
        Files.writeString(bothCas, Files.readString(caFile) + Files.readString(TestTls.caFile(renewedCa, dir, "renewed")));
        caFile = bothCas;

        Mqtt5BlockingClient connected = Clients.hivemq("before-reload", ListenerType.TLS, petrel.port("tls"),
                TestTls.trust(bothCas));
        connected.connect();
        try (Mqtt5BlockingClient.Mqtt5Publishes publishes = connected.publishes(MqttGlobalPublishFilter.ALL)) {
            connected.subscribeWith().topicFilter("reload").qos(MqttQos.AT_LEAST_ONCE).send();

            List<Path> renewed = TestTls.serverPem(renewedCa, dir, "renewed-server");
            Files.copy(renewed.get(1), tls.privateKey(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.copy(renewed.get(0), tls.certificate(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                try (SSLSocket socket = handshake()) {
                    X509Certificate served = (X509Certificate) socket.getSession().getPeerCertificates()[0];
                    assertThat(served.getSubjectX500Principal().getName()).contains("CN=renewed-server");
                }
            });
            connected.publishWith().topic("reload").qos(MqttQos.AT_LEAST_ONCE)
                    .payload("still connected".getBytes(StandardCharsets.UTF_8)).send();
            assertThat(publishes.receive(30, TimeUnit.SECONDS)).isPresent();
            assertThat(connected.getState().isConnected()).isTrue();
        } finally {
            connected.disconnect();
        }
    }

    @Test
    void aBrokenReplacementKeepsThePreviousCertificate() throws Exception {
        TlsConfig tls = pem();
        start(tls.withReloadInterval(Duration.ZERO));
        Files.writeString(tls.privateKey(), "-----BEGIN PRIVATE KEY-----\nbroken\n-----END PRIVATE KEY-----\n");
        assertThat(petrel.server().listener("tls").reloadTls()).isFalse();
        try (SSLSocket socket = handshake()) {
            assertThat(socket.getSession().getPeerCertificates()).isNotEmpty();
        }
    }
}
