package io.petrel.mqtt.transport.tls;

import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A listener's TLS context, rebuilt when its files change. New connections take the current context; a
 * connection already open keeps the engine it was created with, so a reload drops nobody. Files are compared by
 * content, not timestamps, which also catches the symlink swaps that Kubernetes secrets and certbot make.
 */
public final class ReloadingTlsContext {
    private static final Logger LOG = LoggerFactory.getLogger(ReloadingTlsContext.class);

    private final String listener;
    private final TlsConfig config;
    private volatile SslContext current;
    private byte[] fingerprint;

    private ReloadingTlsContext(String listener, TlsConfig config, SslContext current, byte[] fingerprint) {
        this.listener = listener;
        this.config = config;
        this.current = current;
        this.fingerprint = fingerprint;
    }

    /** Loads the context, failing if the files cannot be used. */
    public static ReloadingTlsContext load(String listener, TlsConfig config) throws TlsSetupException {
        byte[] fingerprint = fingerprint(config);
        return new ReloadingTlsContext(listener, config, TlsContexts.server(config), fingerprint);
    }

    /** The context new connections use. */
    public SslContext current() {
        return current;
    }

    public TlsConfig config() {
        return config;
    }

    /**
     * Rebuilds the context if any file changed. A change that does not load (a half-written file, a key that
     * does not match) keeps the previous context and is logged once; the next change is tried again.
     *
     * @return whether a new context is in use
     */
    public synchronized boolean reloadIfChanged() {
        byte[] now;
        try {
            now = fingerprint(config);
        } catch (TlsSetupException e) {
            return false;
        }
        if (Arrays.equals(now, fingerprint)) {
            return false;
        }
        fingerprint = now;
        try {
            current = TlsContexts.server(config);
            LOG.info("Listener '{}': TLS certificate reloaded from {}", listener, config.files());
            return true;
        } catch (TlsSetupException e) {
            LOG.warn("Listener '{}': TLS files changed but cannot be loaded, keeping the previous certificate: {}",
                    listener, e.getMessage());
            return false;
        }
    }

    private static byte[] fingerprint(TlsConfig config) throws TlsSetupException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : config.files()) {
                digest.update(Files.readAllBytes(file));
                digest.update((byte) 0);
            }
            return digest.digest();
        } catch (IOException e) {
            throw new TlsSetupException("cannot read " + config.files() + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
