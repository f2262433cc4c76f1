package io.petrel.server;

import io.petrel.engine.EngineConfig;
import io.petrel.mqtt.listener.ListenerConfig;
import io.petrel.mqtt.protocol.MqttProtocolConfig;
import io.petrel.mqtt.transport.TransportKind;
import io.petrel.security.SecurityConfig;
import io.petrel.server.devices.DevicesConfig;
import io.petrel.server.http.HttpConfig;
import io.petrel.server.store.StoreConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything a server needs to start.
 *
 * @param listeners the MQTT listeners to bind
 * @param protocol the protocol limits
 * @param engine the engine settings
 * @param transport which Netty transport to use
 * @param workerThreads event-loop threads; 0 for one per processor
 * @param shutdownTimeout how long a graceful shutdown may take
 * @param dataDir where Petrel keeps its data
 * @param security authentication, authorization and limits
 * @param http the HTTP server for health, metrics and the REST API
 * @param store where and how broker state is kept
 * @param devices the device platform
 */
public record ServerConfig(
        List<ListenerConfig> listeners,
        MqttProtocolConfig protocol,
        EngineConfig engine,
        TransportKind transport,
        int workerThreads,
        Duration shutdownTimeout,
        Path dataDir,
        SecurityConfig security,
        HttpConfig http,
        StoreConfig store,
        DevicesConfig devices) {

    /** The defaults: one TCP listener on localhost:1883. */
    public static ServerConfig defaults() {
        return new ServerConfig(List.of(ListenerConfig.tcp("tcp", "127.0.0.1", 1883)),
                MqttProtocolConfig.defaults(), EngineConfig.defaults(PetrelVersion.get()), TransportKind.AUTO, 0,
                Duration.ofSeconds(10), Path.of("data"), SecurityConfig.defaults(), HttpConfig.defaults(),
                StoreConfig.defaults(), DevicesConfig.defaults());
    }

    /** A copy with other listeners. */
    public ServerConfig withListeners(List<ListenerConfig> newListeners) {
        return new ServerConfig(newListeners, protocol, engine, transport, workerThreads, shutdownTimeout,
                dataDir, security, http, store, devices);
    }

    /** A copy with other protocol limits. */
    public ServerConfig withProtocol(MqttProtocolConfig newProtocol) {
        return new ServerConfig(listeners, newProtocol, engine, transport, workerThreads, shutdownTimeout,
                dataDir, security, http, store, devices);
    }

    /** A copy with other engine settings. */
    public ServerConfig withEngine(EngineConfig newEngine) {
        return new ServerConfig(listeners, protocol, newEngine, transport, workerThreads, shutdownTimeout,
                dataDir, security, http, store, devices);
    }

    /** A copy with other security settings. */
    public ServerConfig withSecurity(SecurityConfig newSecurity) {
        return new ServerConfig(listeners, protocol, engine, transport, workerThreads, shutdownTimeout, dataDir,
                newSecurity, http, store, devices);
    }

    /** A copy with other HTTP settings. */
    public ServerConfig withHttp(HttpConfig newHttp) {
        return new ServerConfig(listeners, protocol, engine, transport, workerThreads, shutdownTimeout, dataDir,
                security, newHttp, store, devices);
    }

    /** A copy with another data directory. */
    public ServerConfig withDataDir(Path newDataDir) {
        return new ServerConfig(listeners, protocol, engine, transport, workerThreads, shutdownTimeout,
                newDataDir, security, http, store, devices);
    }

    /** A copy with other device platform settings. */
    public ServerConfig withDevices(DevicesConfig newDevices) {
        return new ServerConfig(listeners, protocol, engine, transport, workerThreads, shutdownTimeout, dataDir,
                security, http, store, newDevices);
    }

    /** A copy with another store configuration. */
    public ServerConfig withStore(StoreConfig newStore) {
        return new ServerConfig(listeners, protocol, engine, transport, workerThreads, shutdownTimeout, dataDir,
                security, http, newStore, devices);
    }
}
