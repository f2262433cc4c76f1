package io.petrel.mqtt.transport.tls;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A TLS listener's certificate and policy. Either a PEM certificate chain and key, or a PKCS#12 keystore; with
 * neither, the server uses the development certificate it generates in the data directory.
 *
 * @param certificate a PEM certificate chain, or null
 * @param privateKey the PEM private key of the chain, or null
 * @param pkcs12 a PKCS#12 keystore, or null
 * @param password the password of the keystore or of an encrypted key, or null
 * @param protocols the TLS versions allowed, such as {@code TLSv1.3}
 * @param ciphers the cipher suites allowed; empty for the provider's defaults
 * @param clientAuth whether clients must, may or need not present a certificate
 * @param clientCa the PEM bundle of CAs that client certificates must chain to, or null
 * @param provider which TLS implementation to use
 * @param reloadInterval how often the files are checked for changes; zero turns reloading off
 */
public record TlsConfig(
        @Nullable Path certificate,
        @Nullable Path privateKey,
        @Nullable Path pkcs12,
        @Nullable String password,
        List<String> protocols,
        List<String> ciphers,
        ClientAuth clientAuth,
        @Nullable Path clientCa,
        Provider provider,
        Duration reloadInterval) {

    /** The TLS versions Petrel speaks. Older ones are broken and not offered. */
    public static final List<String> SUPPORTED_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    public TlsConfig {
        protocols = List.copyOf(protocols);
        ciphers = List.copyOf(ciphers);
    }

    /** PEM files with the defaults for everything else: TLS 1.2 and 1.3, no client certificates. */
    public static TlsConfig pem(Path certificate, Path privateKey) {
        return new TlsConfig(certificate, privateKey, null, null, SUPPORTED_PROTOCOLS, List.of(), ClientAuth.NONE,
                null, Provider.AUTO, Duration.ofSeconds(10));
    }

    /** No certificate yet: the server substitutes its development certificate. */
    public static TlsConfig development() {
        return new TlsConfig(null, null, null, null, SUPPORTED_PROTOCOLS, List.of(), ClientAuth.NONE, null,
                Provider.AUTO, Duration.ofSeconds(10));
    }

    /** Whether a certificate is configured; if not, the server's development certificate is used. */
    public boolean hasCertificate() {
        return certificate != null || pkcs12 != null;
    }

    /** A copy that uses the given PEM certificate chain and key. */
    public TlsConfig withPem(Path newCertificate, Path newPrivateKey) {
        return new TlsConfig(newCertificate, newPrivateKey, null, null, protocols, ciphers, clientAuth, clientCa,
                provider, reloadInterval);
    }

    /** A copy with another client certificate policy and CA bundle. */
    public TlsConfig withClientAuth(ClientAuth newClientAuth, @Nullable Path newClientCa) {
        return new TlsConfig(certificate, privateKey, pkcs12, password, protocols, ciphers, newClientAuth,
                newClientCa, provider, reloadInterval);
    }

    /** A copy with another TLS implementation. */
    public TlsConfig withProvider(Provider newProvider) {
        return new TlsConfig(certificate, privateKey, pkcs12, password, protocols, ciphers, clientAuth, clientCa,
                newProvider, reloadInterval);
    }

    /** A copy that checks its files at another interval. */
    public TlsConfig withReloadInterval(Duration newInterval) {
        return new TlsConfig(certificate, privateKey, pkcs12, password, protocols, ciphers, clientAuth, clientCa,
                provider, newInterval);
    }

    /** The files this configuration reads, which a reload watches. */
    public List<Path> files() {
        return Stream.of(certificate, privateKey, pkcs12, clientCa)
                .filter(Objects::nonNull).map(Objects::requireNonNull).toList();
    }

    /** Client certificate policy. */
    public enum ClientAuth {
        /** No client certificate is asked for. */
        NONE,
        /** A client certificate is asked for and checked if given. */
        OPTIONAL,
        /** A valid client certificate is required. */
        REQUIRED
    }

    /** The TLS implementation. */
    public enum Provider {
        /** OpenSSL where netty-tcnative loads, else the JDK: OpenSSL measured faster (docs/benchmarks.md). */
        AUTO,
        /** The JDK's own TLS. */
        JDK,
        /** OpenSSL through netty-tcnative (BoringSSL). */
        OPENSSL
    }
}
