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
import java.net.InetSocketAddress;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
    private final List<MqttListener> listeners = new ArrayList<>();

    private PetrelServer(ServerConfig config, Authenticator authenticator, Authorizer authorizer,
            InstantSource clock) throws InterruptedException {
        this.config = config;
        this.runtime = NettyRuntime.start(config.transport(), config.workerThreads());
        this.engine = new Engine(config.engine(), runtime, clock);
        ProtocolContext protocol = new ProtocolContext(engine, config.protocol(), authenticator, authorizer);
        try {
            for (ListenerConfig listener : config.listeners()) {
                listeners.add(MqttListener.bind(listener, protocol, runtime));
            }
        } catch (RuntimeException | InterruptedException e) {
            listeners.forEach(MqttListener::close);
            runtime.shutdown(config.shutdownTimeout());
            throw e;
        }
        engine.start();
        LOG.info("Petrel {} started", PetrelVersion.get());
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

    /** The engine, for metrics and inspection. */
    public Engine engine() {
        return engine;
    }

    /**
     * Stops the server: stops accepting, tells every client the server is shutting down, and stops the event
     * loops within the configured timeout.
     */
    @Override
    public void close() {
        listeners.forEach(MqttListener::close);
        engine.shutdown();
        runtime.shutdown(config.shutdownTimeout());
        LOG.info("Petrel stopped");
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

        /** Starts the server. */
        public PetrelServer start() throws InterruptedException {
            return new PetrelServer(config, authenticator, authorizer, clock);
        }
    }
}
