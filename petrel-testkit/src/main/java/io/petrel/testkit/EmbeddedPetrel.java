package io.petrel.testkit;

import io.petrel.engine.Engine;
import io.petrel.engine.EngineConfig;
import io.petrel.engine.metrics.BrokerMetrics;
import io.petrel.mqtt.listener.ListenerConfig;
import io.petrel.server.PetrelServer;
import io.petrel.server.ServerConfig;
import io.petrel.server.http.HttpConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import io.petrel.server.store.StoreConfig;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A Petrel server on a free loopback port, for one test class or one test. Closing it stops the server and
 * fails if Netty reported a leaked buffer.
 */
public final class EmbeddedPetrel implements AutoCloseable {
    /** The address every test server binds. */
    public static final String HOST = "127.0.0.1";

    private final PetrelServer server;

    private EmbeddedPetrel(PetrelServer server) {
        this.server = server;
    }

    /**
     * The default test configuration: one TCP listener on a free loopback port, the HTTP server on another, a
     * fresh data directory (where a token signing key is generated), and broker state in memory, which keeps
     * tests fast. Durability tests set a store themselves.
     */
    public static ServerConfig testConfig() {
        ServerConfig defaults = ServerConfig.defaults();
        try {
            return defaults.withListeners(List.of(ListenerConfig.tcp("tcp", HOST, 0)))
                    .withHttp(new HttpConfig(true, HOST, 0))
                    .withDataDir(Files.createTempDirectory("petrel-test-data"))
                    .withStore(StoreConfig.memory());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a server with the test configuration. */
    public static EmbeddedPetrel start() {
        return start(builder -> builder);
    }

    /**
     * Starts a server after the customizer has adjusted the builder, which starts with
     * {@link #testConfig()}.
     */
    public static EmbeddedPetrel start(UnaryOperator<PetrelServer.Builder> customizer) {
        NettyLeaks.install();
        try {
            return new EmbeddedPetrel(customizer.apply(PetrelServer.builder().config(testConfig())).start());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts a server with the test configuration adjusted by a function of it. */
    public static EmbeddedPetrel withConfig(UnaryOperator<ServerConfig> change) {
        return start(builder -> builder.config(change.apply(testConfig())));
    }

    /** A configuration change that sets the engine's settings. */
    public static UnaryOperator<ServerConfig> engine(UnaryOperator<EngineConfig> change) {
        return config -> config.withEngine(change.apply(config.engine()));
    }

    public String host() {
        return HOST;
    }

    /** The MQTT port. */
    public int port() {
        return server.mqttAddress().getPort();
    }

    /** The port of the listener with this name. */
    public int port(String listenerName) {
        return server.address(listenerName).getPort();
    }

    /** The base URL of the HTTP server, such as {@code http://127.0.0.1:41234}. */
    public String httpUrl() {
        return "http://" + HOST + ":" + server.httpAddress().getPort();
    }

    /** The server URI as Paho expects it. */
    public String tcpUri() {
        return "tcp://" + HOST + ":" + port();
    }

    public PetrelServer server() {
        return server;
    }

    public Engine engine() {
        return server.engine();
    }

    public BrokerMetrics metrics() {
        return server.engine().metrics();
    }

    @Override
    public void close() {
        server.close();
        NettyLeaks.assertNone();
    }
}
