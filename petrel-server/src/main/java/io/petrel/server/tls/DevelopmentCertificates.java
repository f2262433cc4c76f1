package io.petrel.server.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The development CA and server certificate that make TLS and WSS work on a first start with no certificate
 * configured. They live in {@code <data-dir>/certs}: {@code ca.pem} is what clients trust ({@code mosquitto_sub
 * --cafile}, mqtt.js {@code ca}, Python paho {@code tls_set}), {@code server.pem} and {@code server.key} are what
 * the listeners serve. The server certificate names localhost, 127.0.0.1 and ::1, and is renewed from the same CA
 * when it nears expiry, so clients keep trusting it.
 */
public final class DevelopmentCertificates {
    private static final Logger LOG = LoggerFactory.getLogger(DevelopmentCertificates.class);
    private static final Duration CA_VALIDITY = Duration.ofDays(3650);
    // Apple's clients refuse TLS server certificates valid for more than 825 days, even from a private CA.
    private static final Duration SERVER_VALIDITY = Duration.ofDays(397);
    private static final Duration RENEW_BEFORE = Duration.ofDays(30);
    /** Clocks of clients and server may disagree a little; a certificate valid from an hour ago is safe. */
    private static final Duration BACKDATE = Duration.ofHours(1);

    /**
     * The files of the development certificate.
     *
     * @param caCertificate the CA certificate clients trust
     * @param certificate the server certificate chain
     * @param privateKey the server key
     */
    public record CertificateFiles(Path caCertificate, Path certificate, Path privateKey) {
    }

    private DevelopmentCertificates() {
    }

    /** Makes sure the files exist and the server certificate is valid for a while yet; creates what is missing. */
    public static CertificateFiles ensure(Path dataDir, InstantSource clock) throws IOException, GeneralSecurityException {
        Path dir = dataDir.resolve("certs").toAbsolutePath();
        Files.createDirectories(dir);
        CertificateFiles files = new CertificateFiles(dir.resolve("ca.pem"), dir.resolve("server.pem"), dir.resolve("server.key"));
        Path caKey = dir.resolve("ca.key");
        Instant now = clock.instant();
        CertificateAuthority ca;
        boolean newCa = !Files.exists(files.caCertificate()) || !Files.exists(caKey);
        if (newCa) {
            ca = CertificateAuthority.create("Petrel Development CA", now.minus(BACKDATE), now.plus(CA_VALIDITY));
            ca.write(files.caCertificate(), caKey);
            LOG.info("Generated a development CA in {}", files.caCertificate());
        } else {
            ca = CertificateAuthority.load(files.caCertificate(), caKey);
        }
        if (newCa || needsRenewal(files.certificate(), now)) {
            ca.issueServer("localhost", List.of("localhost"), List.of("127.0.0.1", "::1"), now.minus(BACKDATE),
                    now.plus(SERVER_VALIDITY)).write(files.certificate(), files.privateKey(), ca);
            LOG.info("Generated a development server certificate for localhost and 127.0.0.1 in {}",
                    files.certificate());
        }
        return files;
    }

    private static boolean needsRenewal(Path certificate, Instant now) throws IOException {
        if (!Files.exists(certificate)) {
            return true;
        }
        try {
            X509Certificate current = Pem.readCertificate(certificate);
            return current.getNotAfter().toInstant().isBefore(now.plus(RENEW_BEFORE));
        } catch (GeneralSecurityException e) {
            return true;
        }
    }
}
