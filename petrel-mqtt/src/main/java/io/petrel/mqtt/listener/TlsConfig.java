package io.petrel.mqtt.listener;

import java.nio.file.Path;
import java.util.List;
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
        Provider provider) {

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
        /** The faster of the two where it is available. */
        AUTO,
        /** The JDK's own TLS. */
        JDK,
        /** OpenSSL through netty-tcnative (BoringSSL). */
        OPENSSL
    }
}
