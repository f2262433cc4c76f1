package io.petrel.it.listener;

import io.petrel.server.tls.CertificateAuthority;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.jspecify.annotations.Nullable;

/** Certificates and client TLS settings for tests: a CA in a directory, and what clients need to use it. */
final class TestTls {
    private static final char[] PASSWORD = "secret".toCharArray();

    private TestTls() {
    }

    /** A new CA valid from an hour ago for a day. */
    static CertificateAuthority ca(String name) throws GeneralSecurityException {
        Instant now = Instant.now();
        return CertificateAuthority.create(name, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)));
    }

    /** A server certificate for 127.0.0.1 and localhost, written as PEM into a directory. */
    static List<Path> serverPem(CertificateAuthority ca, Path dir, String prefix)
            throws IOException, GeneralSecurityException {
        Instant now = Instant.now();
        Path cert = dir.resolve(prefix + ".pem");
        Path key = dir.resolve(prefix + ".key");
        ca.issueServer(prefix, List.of("localhost"), List.of("127.0.0.1"), now.minus(Duration.ofHours(1)),
                now.plus(Duration.ofDays(1))).write(cert, key, ca);
        return List.of(cert, key);
    }

    /** Writes a CA's certificate as a PEM file, as a client-ca bundle or a client's trust file. */
    static Path caFile(CertificateAuthority ca, Path dir, String name) throws IOException, GeneralSecurityException {
        Path file = dir.resolve(name + "-ca.pem");
        Path key = dir.resolve(name + "-ca.key");
        ca.write(file, key);
        return file;
    }

    /** Trust for a PEM CA file. */
    static TrustManagerFactory trust(Path caFile) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (InputStream in = Files.newInputStream(caFile)) {
            int i = 0;
            for (var certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca" + i++, certificate);
            }
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory;
    }

    /** A client key and certificate as a key manager. */
    static KeyManagerFactory keys(CertificateAuthority.Issued client, CertificateAuthority ca)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("client", client.key(), PASSWORD,
                new X509Certificate[] {client.certificate(), ca.certificate()});
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, PASSWORD);
        return factory;
    }

    /** An SSL context trusting a CA file, with a client certificate or none. */
    static SSLContext context(Path caFile, @Nullable KeyManagerFactory keys)
            throws IOException, GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys == null ? null : keys.getKeyManagers(), trust(caFile).getTrustManagers(), null);
        return context;
    }

    /** A client certificate valid now. */
    static CertificateAuthority.Issued client(CertificateAuthority ca, String commonName, List<String> dnsNames)
            throws GeneralSecurityException {
        Instant now = Instant.now();
        return ca.issueClient(commonName, dnsNames, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)));
    }
}
