package io.petrel.mqtt.transport.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.petrel.api.auth.ClientCertificate;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The identity authenticators see in a client certificate: CN, SANs and SHA-256 fingerprint. */
class ClientCertificatesTest {
    @TempDir
    Path dir;

    @Test
    void readsCommonNameAltNamesAndFingerprint() throws Exception {
        Path keystore = dir.resolve("client.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "device", "-keyalg", "EC",
                "-dname", "CN=sensor-7, O=Acme, C=DE", "-ext", "SAN=dns:s7.acme.example,email:ops@acme.example",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", "secret")
                .redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(new String(process.getInputStream().readAllBytes())).isZero();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, "secret".toCharArray());
        }
        X509Certificate certificate = (X509Certificate) store.getCertificate("device");

        ClientCertificate identity = ClientCertificates.of(certificate);

        assertThat(identity.commonName()).isEqualTo("sensor-7");
        assertThat(identity.subject()).isEqualTo("CN=sensor-7,O=Acme,C=DE");
        assertThat(identity.subjectAltNames()).containsExactly("s7.acme.example", "ops@acme.example");
        assertThat(identity.sha256Fingerprint()).hasSize(64).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded())));
        assertThat(identity.notAfterMillis()).isEqualTo(certificate.getNotAfter().getTime());
    }
}
