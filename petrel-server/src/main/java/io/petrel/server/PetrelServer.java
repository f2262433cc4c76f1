package io.petrel.server;

import io.petrel.api.Principal;
import io.petrel.api.auth.AuthResult;
import io.petrel.api.auth.Authenticator;
import io.petrel.api.auth.Authorizer;
import io.petrel.engine.Engine;
import io.petrel.mqtt.listener.ListenerConfig;
import io.petrel.mqtt.listener.MqttListener;
import io.petrel.mqtt.protocol.ProtocolContext;
import io.petrel.mqtt.transport.NettyRuntime;
import io.petrel.mqtt.transport.tls.TlsConfig;
import io.petrel.mqtt.transport.tls.TlsSetupException;
import io.petrel.server.tls.DevelopmentCertificates;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Petrel server. It wires the engine, the event loops and the listeners by hand; there is no
 * container. Embedders build one with {@link #builder()}.
 */
public final class PetrelServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PetrelServer.class);

    private final ServerConfig config;
    private final NettyRuntime runtime;
    private final Engine engine;
    private final ScheduledExecutorService housekeeping;
    private final List<MqttListener> listeners = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final DevelopmentCertificates.@Nullable CertificateFiles developmentCertificates;

    private PetrelServer(ServerConfig config, Authenticator authenticator, Authorizer authorizer,
            InstantSource clock) throws InterruptedException {
        this.config = config;
        // Certificates are checked by clients against real time, whatever clock the engine is given.
        this.developmentCertificates = developmentCertificates(config, InstantSource.system());
        this.runtime = NettyRuntime.start(config.transport(), config.workerThreads());
        this.engine = new Engine(config.engine(), runtime, clock);
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "petrel-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        ProtocolContext protocol = new ProtocolContext(engine, config.protocol(), authenticator, authorizer);
        try {
            for (ListenerConfig listener : config.listeners()) {
                listeners.add(bind(withCertificate(listener), protocol));
            }
        } catch (RuntimeException | InterruptedException e) {
            listeners.forEach(MqttListener::close);
            housekeeping.shutdownNow();
            runtime.shutdown(config.shutdownTimeout());
            throw e;
        }
        engine.start();
        if (developmentCertificates != null) {
            LOG.info("TLS uses the development certificate for localhost and 127.0.0.1. Clients trust it with the "
                    + "CA file {} (for example mosquitto_sub --cafile {})", developmentCertificates.caCertificate(),
                    developmentCertificates.caCertificate());
        }
        LOG.info("Petrel {} started", PetrelVersion.get());
    }

    private static DevelopmentCertificates.@Nullable CertificateFiles developmentCertificates(ServerConfig config,
            InstantSource clock) {
        boolean needed = config.listeners().stream()
                .anyMatch(l -> l.tls() != null && !l.tls().hasCertificate());
        if (!needed) {
            return null;
        }
        try {
            return DevelopmentCertificates.ensure(config.dataDir(), clock);
        } catch (IOException | GeneralSecurityException e) {
            throw new ServerStartException("cannot create the development certificate in "
                    + config.dataDir().resolve("certs").toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    private ListenerConfig withCertificate(ListenerConfig listener) {
        TlsConfig tls = listener.tls();
        if (tls == null || tls.hasCertificate() || developmentCertificates == null) {
            return listener;
        }
        return listener.withTls(tls.withPem(developmentCertificates.certificate(),
                developmentCertificates.privateKey()));
    }

    private MqttListener bind(ListenerConfig listener, ProtocolContext protocol) throws InterruptedException {
        try {
            return MqttListener.bind(listener, protocol, runtime, housekeeping);
        } catch (TlsSetupException e) {
            throw new ServerStartException("listener '" + listener.name() + "': " + e.getMessage(), e);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            // Netty rethrows bind failures (address in use, address not on this machine) as they are.
            throw new ServerStartException("listener '" + listener.name() + "' cannot bind " + listener.host() + ":"
                    + listener.port() + ": " + e.getMessage(), e);
        }
    }

    /** A builder with the defaults of {@link ServerConfig#defaults()} and anonymous access. */
    public static Builder builder() {
        return new Builder();
    }

    /** The address of the first listener. */
    public InetSocketAddress mqttAddress() {
        return listeners.get(0).address();
    }

    /** The bound address of every listener, in configuration order. */
    public List<InetSocketAddress> addresses() {
        return listeners.stream().map(MqttListener::address).toList();
    }

    /** The bound address of the listener with this name. */
    public InetSocketAddress address(String listenerName) {
        return listener(listenerName).address();
    }

    /** The listener with this name. */
    public MqttListener listener(String listenerName) {
        return listeners.stream().filter(l -> l.config().name().equals(listenerName)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no listener named " + listenerName));
    }

    /** The development certificate files, if a TLS listener uses them; else null. */
    public DevelopmentCertificates.@Nullable CertificateFiles developmentCertificates() {
        return developmentCertificates;
    }

    /** The engine, for metrics and inspection. */
    public Engine engine() {
        return engine;
    }

    /**
     * Stops the server within the configured shutdown timeout: stops accepting, tells every client the server is
     * shutting down (DISCONNECT 0x8B to MQTT 5 clients), gives them half the timeout to receive it, closes what
     * is left and stops the event loops. Calling it again does nothing.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long deadline = System.nanoTime() + config.shutdownTimeout().toNanos();
        listeners.forEach(MqttListener::close);
        engine.shutdown();
        Duration drain = config.shutdownTimeout().dividedBy(2);
        for (MqttListener listener : listeners) {
            listener.awaitConnectionsClosed(Duration.ofNanos(Math.min(drain.toNanos(), remaining(deadline))));
        }
        listeners.forEach(MqttListener::closeConnections);
        housekeeping.shutdownNow();
        runtime.shutdown(Duration.ofNanos(Math.max(remaining(deadline), Duration.ofMillis(100).toNanos())));
        LOG.info("Petrel stopped");
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    /** Builds a server. */
    public static final class Builder {
        private ServerConfig config = ServerConfig.defaults();
        private Authenticator authenticator =
                attempt -> CompletableFuture.completedFuture(AuthResult.accept(Principal.ANONYMOUS));
        private Authorizer authorizer = Authorizer.ALLOW_ALL;
        private InstantSource clock = InstantSource.system();

        private Builder() {
        }

        /** The whole configuration. */
        public Builder config(ServerConfig serverConfig) {
            this.config = serverConfig;
            return this;
        }

        /** Who may connect; by default everyone, anonymously. */
        public Builder authenticator(Authenticator value) {
            this.authenticator = value;
            return this;
        }

        /** What clients may publish and subscribe to; by default everything. */
        public Builder authorizer(Authorizer value) {
            this.authorizer = value;
            return this;
        }

        /** The wall clock, which tests may control. */
        public Builder clock(InstantSource value) {
            this.clock = value;
            return this;
        }

        /**
         * Starts the server.
         *
         * @throws ServerStartException if a listener cannot bind or its certificate cannot be loaded
         */
        public PetrelServer start() throws InterruptedException {
            return new PetrelServer(config, authenticator, authorizer, clock);
        }
    }
}
