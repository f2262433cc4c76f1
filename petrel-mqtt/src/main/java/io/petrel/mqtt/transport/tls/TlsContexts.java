package io.petrel.mqtt.transport.tls;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Locale;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLException;

/** Builds Netty server TLS contexts from a {@link TlsConfig}. */
public final class TlsContexts {
    private TlsContexts() {
    }

    /** The provider {@link TlsConfig.Provider#AUTO} stands for on this machine. */
    public static TlsConfig.Provider resolve(TlsConfig.Provider requested) {
        if (requested == TlsConfig.Provider.AUTO) {
            return OpenSsl.isAvailable() ? TlsConfig.Provider.OPENSSL : TlsConfig.Provider.JDK;
        }
        return requested;
    }

    /** Builds a server context; the configuration must name a certificate. */
    public static SslContext server(TlsConfig config) throws TlsSetupException {
        SslContextBuilder builder = keyMaterial(config);
        TlsConfig.Provider provider = resolve(config.provider());
        if (provider == TlsConfig.Provider.OPENSSL && !OpenSsl.isAvailable()) {
            throw new TlsSetupException("OpenSSL (netty-tcnative) is not available on this machine",
                    OpenSsl.unavailabilityCause());
        }
        // OPENSSL rather than OPENSSL_REFCNT: contexts replaced by a reload are freed by the garbage collector,
        // so connections that still use an old one keep it alive without reference counting.
        builder.sslProvider(provider == TlsConfig.Provider.OPENSSL ? SslProvider.OPENSSL : SslProvider.JDK)
                .protocols(config.protocols())
                .ciphers(config.ciphers().isEmpty() ? null : config.ciphers(), SupportedCipherSuiteFilter.INSTANCE)
                .clientAuth(switch (config.clientAuth()) {
                    case NONE -> ClientAuth.NONE;
                    case OPTIONAL -> ClientAuth.OPTIONAL;
                    case REQUIRED -> ClientAuth.REQUIRE;
                });
        Path clientCa = config.clientCa();
        if (clientCa != null) {
            builder.trustManager(clientCa.toFile());
        }
        try {
            SslContext context = builder.build();
            if (!config.ciphers().isEmpty() && context.cipherSuites().isEmpty()) {
                throw new TlsSetupException("none of the ciphers " + config.ciphers() + " is supported by "
                        + provider.name().toLowerCase(Locale.ROOT), new SSLException("no cipher"));
            }
            return context;
        } catch (SSLException | IllegalArgumentException e) {
            throw new TlsSetupException("cannot load TLS certificate " + describe(config) + ": " + rootCause(e), e);
        }
    }

    private static SslContextBuilder keyMaterial(TlsConfig config) throws TlsSetupException {
        Path pkcs12 = config.pkcs12();
        if (pkcs12 != null) {
            char[] password = config.password() == null ? new char[0] : config.password().toCharArray();
            try (InputStream in = Files.newInputStream(pkcs12)) {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(in, password);
                KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(store, password);
                return SslContextBuilder.forServer(keys);
            } catch (IOException | GeneralSecurityException e) {
                throw new TlsSetupException("cannot load PKCS#12 keystore " + pkcs12 + ": " + rootCause(e), e);
            }
        }
        Path certificate = config.certificate();
        Path key = config.privateKey();
        if (certificate == null || key == null) {
            throw new TlsSetupException("no certificate configured", new IllegalStateException());
        }
        try {
            return SslContextBuilder.forServer(certificate.toFile(), key.toFile(), config.password());
        } catch (IllegalArgumentException e) {
            throw new TlsSetupException("cannot load TLS certificate " + describe(config) + ": " + rootCause(e), e);
        }
    }

    private static String describe(TlsConfig config) {
        return config.pkcs12() != null ? String.valueOf(config.pkcs12())
                : config.certificate() + " with key " + config.privateKey();
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }
}
