package io.petrel.server;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.petrel.api.Broker;
import io.petrel.api.auth.Authenticator;
import io.petrel.api.auth.Authorizer;
import io.petrel.api.store.BrokerStore;
import io.petrel.api.store.StoreException;
import io.petrel.engine.Engine;
import io.petrel.mqtt.listener.ListenerConfig;
import io.petrel.mqtt.listener.MqttListener;
import io.petrel.mqtt.protocol.LiveConnections;
import io.petrel.mqtt.protocol.ProtocolContext;
import io.petrel.mqtt.transport.NettyRuntime;
import io.petrel.platform.DevicePlatform;
import io.petrel.platform.PlatformStores;
import io.petrel.security.Security;
import io.petrel.server.devices.DeviceHost;
import io.petrel.server.http.HealthRoutes;
import io.petrel.server.http.HttpRoutes;
import io.petrel.server.http.HttpServer;
import io.petrel.server.http.MetricsRoutes;
import io.petrel.server.metrics.PetrelMeters;
import io.petrel.server.store.BrokerStores;
import io.petrel.server.store.Durability;
import io.petrel.server.tls.DevelopmentCertificates;
import io.petrel.store.DataDirectoryLock;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Petrel server. It wires the engine, the event loops, security, the listeners and the HTTP server
 * by hand; there is no container. Embedders build one with {@link #builder()}.
 *
 * <p>With durability on (the default) it locks the data directory against a second server, opens the store,
 * and restores the stored state before it accepts clients.
 */
public final class PetrelServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PetrelServer.class);

    private final ServerConfig config;
    private final Security security;
    private final NettyRuntime runtime;
    private final Engine engine;
    private final ScheduledExecutorService housekeeping;
    private final LiveConnections connections = new LiveConnections();
    private final BrokerHandle broker;
    private final @Nullable DeviceHost devices;
    private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final List<MqttListener> listeners = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final DevelopmentCertificates.@Nullable CertificateFiles developmentCertificates;
    private final @Nullable DataDirectoryLock lock;
    private final @Nullable BrokerStore store;
    private @Nullable HttpServer http;
    private volatile boolean running;

    private PetrelServer(ServerConfig config, @Nullable Authenticator authenticator, @Nullable Authorizer authorizer,
            InstantSource clock, List<HttpRoutes> extraRoutes, @Nullable PlatformStores deviceStores)
            throws InterruptedException {
        this.config = config;
        // Certificates are checked by clients against real time, whatever clock the engine is given.
        this.developmentCertificates = StartSteps.developmentCertificates(config, InstantSource.system());
        this.security = StartSteps.startSecurity(config, clock);
        boolean durable = config.store().durability() == Durability.DURABLE;
        try {
            this.lock = durable ? DataDirectoryLock.acquire(config.dataDir()) : null;
        } catch (StoreException e) {
            security.close();
            throw new ServerStartException(e.getMessage(), e);
        }
        try {
            this.store = durable ? BrokerStores.open(config.store(), config.dataDir()) : null;
        } catch (StoreException e) {
            lock.close();
            security.close();
            throw new ServerStartException(e.getMessage(), e);
        }
        this.runtime = NettyRuntime.start(config.transport(), config.workerThreads());
        this.engine = new Engine(config.engine(), runtime, clock, store);
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "petrel-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        this.broker = new BrokerHandle(engine, connections);
        security.onRevoked(ids -> broker.disconnect(client -> ids.contains(client.principal().credentialId())));
        engine.sys().addSource(() -> ServerStatus.securitySys(security));
        try {
            this.devices = config.devices().enabled()
                    ? DeviceHost.start(config.devices(), config.store(), deviceStores, broker, clock, config.dataDir())
                    : null;
        } catch (RuntimeException e) {
            housekeeping.shutdownNow();
            runtime.shutdown(config.shutdownTimeout());
            security.close();
            releaseStore();
            throw new ServerStartException("cannot start the device platform: " + e.getMessage(), e);
        }
        Authorizer clientRules = authorizer != null ? authorizer : security.authorizer();
        ProtocolContext protocol;
        if (devices != null) {
            registerDeviceAuthenticator(devices.authenticator(StartSteps.anonymousListeners(config)));
            DeviceHost host = devices;
            engine.sys().addSource(() -> ServerStatus.devicesSys(host));
            protocol = new ProtocolContext(engine, config.protocol(),
                    authenticator != null ? authenticator : security.authenticator(), devices.authorizer(clientRules),
                    security.limits(), connections, devices);
        } else {
            protocol = new ProtocolContext(engine, config.protocol(),
                    authenticator != null ? authenticator : security.authenticator(), clientRules, security.limits(),
                    connections);
        }
        PetrelMeters petrelMeters = new PetrelMeters(meters, engine.metrics(), security.metrics());
        try {
            engine.restore();
            for (ListenerConfig listener : config.listeners()) {
                listeners.add(StartSteps.bind(StartSteps.withCertificate(listener, developmentCertificates), protocol,
                        runtime, housekeeping));
            }
            if (config.http().enabled()) {
                List<HttpRoutes> routes = new ArrayList<>();
                routes.add(new HealthRoutes(() -> running, () -> ServerStatus.healthDetails(engine, listeners)));
                routes.add(new MetricsRoutes(meters, petrelMeters::refresh));
                if (devices != null) {
                    routes.add(StartSteps.restApi(config, devices, security, meters, clock));
                } else {
                    LOG.info("REST API off: it manages the device platform, which is off (devices.enabled: false)");
                }
                routes.addAll(extraRoutes);
                http = StartSteps.startHttp(config.http(), routes);
            }
        } catch (RuntimeException | InterruptedException e) {
            listeners.forEach(MqttListener::close);
            housekeeping.shutdownNow();
            if (devices != null) {
                devices.close();
            }
            runtime.shutdown(config.shutdownTimeout());
            security.close();
            releaseStore();
            throw e;
        }
        engine.start();
        running = true;
        if (developmentCertificates != null) {
            LOG.info("TLS uses the development certificate for localhost and 127.0.0.1. Clients trust it with the "
                    + "CA file {} (for example mosquitto_sub --cafile {})", developmentCertificates.caCertificate(),
                    developmentCertificates.caCertificate());
        }
        LOG.info("Petrel {} started; state: {}", PetrelVersion.get(),
                store == null ? "memory only" : "durable in " + store.describe());
        ServerStatus.logLimits(config);
    }

    /** A builder with the defaults of {@link ServerConfig#defaults()}; security follows the configuration. */
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

    /** The HTTP server's address, or null when it is off. */
    public @Nullable InetSocketAddress httpAddress() {
        return http != null ? http.address() : null;
    }

    /** What the HTTP server serves, as {@code "GET /path"} lines; empty when it is off. */
    public List<String> httpEndpoints() {
        return http != null ? http.endpoints() : List.of();
    }

    /** The development certificate files, if a TLS listener uses them; else null. */
    public DevelopmentCertificates.@Nullable CertificateFiles developmentCertificates() {
        return developmentCertificates;
    }

    /** The configuration the server runs with. */
    public ServerConfig config() {
        return config;
    }

    /** The store, or null when state lives on the heap only. */
    public @Nullable BrokerStore store() {
        return store;
    }

    /** The engine, for metrics and inspection. */
    public Engine engine() {
        return engine;
    }

    /** The broker as embedders and the device platform use it: publishing into organizations, ending clients. */
    public Broker broker() {
        return broker;
    }

    /**
     * The device platform: its registry, telemetry, attributes and RPC, for the REST API and embedders; null when
     * {@code devices.enabled} is off.
     */
    public @Nullable DevicePlatform devicePlatform() {
        return devices != null ? devices.platform() : null;
    }

    /** Security: its metrics, token signing and revocation. */
    public Security security() {
        return security;
    }

    /**
     * Fills the authenticator chain's device slot, asked after org tokens and client certificates and before
     * password users: the device platform registers its credentials here.
     */
    public void registerDeviceAuthenticator(Authenticator authenticator) {
        security.deviceSlot().set(authenticator);
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
        running = false;
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
        if (http != null) {
            http.close();
        }
        if (devices != null) {
            // After the event loops and the REST API: nothing writes to the platform any more, so the telemetry
            // still queued is all there is.
            devices.close();
        }
        releaseStore();
        security.close();
        meters.close();
        LOG.info("Petrel stopped");
    }

    /** Commits what the sessions wrote while they were being closed, then lets another server in. */
    private void releaseStore() {
        if (store != null) {
            store.close();
        }
        if (lock != null) {
            lock.close();
        }
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    /** Builds a server. */
    public static final class Builder {
        private ServerConfig config = ServerConfig.defaults();
        private @Nullable Authenticator authenticator;
        private @Nullable Authorizer authorizer;
        private InstantSource clock = InstantSource.system();
        private final List<HttpRoutes> routes = new ArrayList<>();
        private @Nullable PlatformStores deviceStores;

        private Builder() {
        }

        /** The whole configuration. */
        public Builder config(ServerConfig serverConfig) {
            this.config = serverConfig;
            return this;
        }

        /** Who may connect, instead of the chain the configuration describes. */
        public Builder authenticator(Authenticator value) {
            this.authenticator = value;
            return this;
        }

        /** What clients may publish and subscribe to, instead of the configured ACL rules. */
        public Builder authorizer(Authorizer value) {
            this.authorizer = value;
            return this;
        }

        /** The wall clock, which tests may control. */
        public Builder clock(InstantSource value) {
            this.clock = value;
            return this;
        }

        /** More HTTP routes, served beside {@code /health}, {@code /metrics} and the REST API. */
        public Builder routes(HttpRoutes value) {
            this.routes.add(value);
            return this;
        }

        /** The stores the device platform keeps its data in, instead of those the configuration chooses. */
        public Builder deviceStores(PlatformStores stores) {
            this.deviceStores = stores;
            return this;
        }

        /**
         * Starts the server.
         *
         * @throws ServerStartException if a listener cannot bind, its certificate cannot be loaded, or a
         *     security file cannot be read
         */
        public PetrelServer start() throws InterruptedException {
            return new PetrelServer(config, authenticator, authorizer, clock, List.copyOf(routes), deviceStores);
        }
    }
}
