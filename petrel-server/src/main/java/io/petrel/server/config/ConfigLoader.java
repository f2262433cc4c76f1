package io.petrel.server.config;

import io.petrel.engine.EngineConfig;
import io.petrel.engine.session.SessionConfig;
import io.petrel.mqtt.listener.ListenerConfig;
import io.petrel.mqtt.listener.ListenerType;
import io.petrel.mqtt.protocol.MqttProtocolConfig;
import io.petrel.mqtt.transport.tls.TlsConfig;
import io.petrel.server.PetrelVersion;
import io.petrel.server.ServerConfig;
import io.petrel.server.http.HttpConfig;
import io.petrel.server.rest.RestConfig;
import io.petrel.server.store.StoreConfig;
import io.petrel.server.store.StoreType;
import io.petrel.store.WriterLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Builds the server's configuration from its sources, each overriding the one before: built-in defaults
 * (listeners named after their type, on localhost), {@code petrel.yml}, {@code PETREL_...} environment
 * variables, then flags. Every value is checked; the first mistake stops the load with one message.
 */
public final class ConfigLoader {
    private static final Pattern ENTRY_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");
    /**
     * The listeners every configuration starts with, each named after its type: MQTT, MQTTS, WebSocket and WSS on
     * localhost, TLS with the development certificate until one is configured. A file disables one with
     * {@code enabled: false}.
     */
    private static final List<ListenerType> DEFAULT_LISTENERS = List.of(ListenerType.values());

    private ConfigLoader() {
    }

    /**
     * Loads the configuration.
     *
     * @param file the configuration file, or null for none
     * @param env the environment
     * @param overrides dotted keys and values from flags
     * @throws ConfigException on the first bad key or value
     */
    public static ServerConfig load(@Nullable Path file, Map<String, String> env, Map<String, String> overrides) {
        ConfigTree tree = ConfigTree.empty();
        for (ListenerType type : DEFAULT_LISTENERS) {
            tree.set("listeners." + type.name().toLowerCase(Locale.ROOT) + ".enabled", "true");
        }
        if (file != null) {
            tree.mergeYaml(file);
        }
        EnvOverrides.apply(tree, env);
        overrides.forEach(tree::set);
        ConfigReader reader = new ConfigReader(tree);
        ServerConfig config = build(reader, tree);
        reader.rejectUnknown();
        return config;
    }

    private static ServerConfig build(ConfigReader reader, ConfigTree tree) {
        List<ListenerConfig> listeners = new ArrayList<>();
        Set<String> bound = new HashSet<>();
        for (String name : tree.names("listeners")) {
            ListenerConfig listener = listener(reader, name);
            if (listener == null) {
                continue;
            }
            String address = listener.host() + ":" + listener.port();
            if (listener.port() != 0 && !bound.add(address)) {
                throw new ConfigException("listeners." + name + " binds " + address
                        + ", which another enabled listener already binds");
            }
            listeners.add(listener);
        }
        MqttProtocolConfig protocol = new MqttProtocolConfig(
                (int) (long) reader.get(ConfigKeys.MAX_PACKET_SIZE),
                reader.get(ConfigKeys.MAX_CLIENT_ID_LENGTH),
                reader.get(ConfigKeys.RECEIVE_MAXIMUM),
                reader.get(ConfigKeys.TOPIC_ALIAS_MAXIMUM),
                (int) reader.get(ConfigKeys.MAX_KEEP_ALIVE).toSeconds(),
                (int) reader.get(ConfigKeys.CONNECT_TIMEOUT).toSeconds(),
                reader.get(ConfigKeys.RETAIN_AVAILABLE),
                reader.get(ConfigKeys.MAX_PENDING_BEFORE_CONNECT));
        SessionConfig sessions = new SessionConfig(
                reader.get(ConfigKeys.MAX_INFLIGHT),
                reader.get(ConfigKeys.MAX_QUEUED),
                reader.get(ConfigKeys.QUEUE_QOS0_OFFLINE),
                reader.get(ConfigKeys.MAX_SESSION_EXPIRY).toSeconds(),
                reader.get(ConfigKeys.SLOW_CONSUMER_TIMEOUT).toMillis());
        EngineConfig engine = new EngineConfig(sessions, reader.get(ConfigKeys.SYS_INTERVAL), PetrelVersion.get());
        RestConfig api = new RestConfig(reader.get(ConfigKeys.API_ADMIN_USER),
                reader.get(ConfigKeys.API_ADMIN_PASSWORD), reader.get(ConfigKeys.API_ADMINS),
                reader.get(ConfigKeys.API_SESSION_TTL));
        HttpConfig http = new HttpConfig(reader.get(ConfigKeys.HTTP_ENABLED), reader.get(ConfigKeys.HTTP_BIND),
                reader.get(ConfigKeys.HTTP_PORT), api);
        return new ServerConfig(listeners, protocol, engine, reader.get(ConfigKeys.TRANSPORT),
                reader.get(ConfigKeys.WORKER_THREADS), reader.get(ConfigKeys.SHUTDOWN_TIMEOUT),
                Path.of(reader.get(ConfigKeys.DATA_DIR)), SecurityConfigReader.read(reader, tree), http,
                store(reader), DevicesConfigReader.read(reader));
    }

    private static StoreConfig store(ConfigReader reader) {
        StoreType type = reader.get(ConfigKeys.STORE_TYPE);
        String url = reader.get(ConfigKeys.STORE_POSTGRESQL_URL);
        if (url != null && !url.startsWith("jdbc:postgresql:")) {
            // The value is not echoed: URLs may carry a password.
            throw new ConfigException("store.postgresql.url must be a JDBC URL starting with jdbc:postgresql:");
        }
        if (type == StoreType.POSTGRESQL && url == null) {
            throw new ConfigException("store.type is postgresql: set store.postgresql.url as well");
        }
        return new StoreConfig(reader.get(ConfigKeys.STORE_DURABILITY), type, reader.get(ConfigKeys.STORE_SQLITE_FSYNC),
                url, reader.get(ConfigKeys.STORE_POSTGRESQL_USER), reader.get(ConfigKeys.STORE_POSTGRESQL_PASSWORD),
                reader.get(ConfigKeys.STORE_POSTGRESQL_POOL_SIZE),
                new WriterLimits(reader.get(ConfigKeys.STORE_MAX_BATCH), reader.get(ConfigKeys.STORE_MAX_PENDING)));
    }

    private static @Nullable ListenerConfig listener(ConfigReader reader, String name) {
        if (!ENTRY_NAME.matcher(name).matches()) {
            throw new ConfigException("invalid listener name \"" + name
                    + "\" (allowed: lower-case letters, digits, '-' and '_')");
        }
        ListenerType type = reader.find(ConfigKeys.LISTENER_TYPE, name);
        if (type == null) {
            type = typeNamed(name);
        }
        boolean enabled = reader.get(ConfigKeys.LISTENER_ENABLED, name);
        String bind = reader.get(ConfigKeys.LISTENER_BIND, name);
        Integer port = reader.find(ConfigKeys.LISTENER_PORT, name);
        boolean proxyProtocol = reader.get(ConfigKeys.LISTENER_PROXY_PROTOCOL, name);
        Boolean anonymous = reader.find(ConfigKeys.LISTENER_ALLOW_ANONYMOUS, name);
        String path = "/mqtt";
        long maxFrameSize = ConfigKeys.LISTENER_MAX_FRAME_SIZE.defaultValue();
        List<String> trustedProxies = List.of();
        if (type.webSocket()) {
            path = reader.get(ConfigKeys.LISTENER_PATH, name);
            if (!path.startsWith("/")) {
                throw ConfigException.badValue(ConfigKeys.LISTENER_PATH.path(name), path, "a path starting with /");
            }
            maxFrameSize = reader.get(ConfigKeys.LISTENER_MAX_FRAME_SIZE, name);
            trustedProxies = reader.get(ConfigKeys.LISTENER_TRUSTED_PROXIES, name);
            for (String proxy : trustedProxies) {
                if (!AddressRanges.isValid(proxy)) {
                    throw ConfigException.badValue(ConfigKeys.LISTENER_TRUSTED_PROXIES.path(name), proxy,
                            "IP addresses or CIDR ranges such as 10.0.0.0/8");
                }
            }
        }
        TlsConfig tls = type.secure() ? tls(reader, name) : null;
        if (!enabled) {
            return null;
        }
        return new ListenerConfig(name, type, bind, port != null ? port : type.defaultPort(), path,
                (int) maxFrameSize, proxyProtocol, trustedProxies,
                anonymous != null ? anonymous : AddressRanges.isLoopback(bind), tls);
    }

    private static ListenerType typeNamed(String name) {
        for (ListenerType type : ListenerType.values()) {
            if (type.name().equalsIgnoreCase(name)) {
                return type;
            }
        }
        throw new ConfigException("listeners." + name + ".type is required (allowed: tcp, tls, ws or wss)");
    }

    private static TlsConfig tls(ConfigReader reader, String name) {
        Path cert = file(reader, ConfigKeys.LISTENER_TLS_CERT, name);
        Path key = file(reader, ConfigKeys.LISTENER_TLS_KEY, name);
        Path pkcs12 = file(reader, ConfigKeys.LISTENER_TLS_PKCS12, name);
        Path clientCa = file(reader, ConfigKeys.LISTENER_TLS_CLIENT_CA, name);
        if ((cert == null) != (key == null)) {
            throw new ConfigException("listeners." + name + ".tls: cert and key go together; set both or neither");
        }
        if (cert != null && pkcs12 != null) {
            throw new ConfigException("listeners." + name + ".tls: set either cert and key, or pkcs12, not both");
        }
        TlsConfig.ClientAuth clientAuth = reader.get(ConfigKeys.LISTENER_TLS_CLIENT_AUTH, name);
        if (clientAuth != TlsConfig.ClientAuth.NONE && clientCa == null) {
            throw new ConfigException(ConfigKeys.LISTENER_TLS_CLIENT_AUTH.path(name) + " is "
                    + clientAuth.name().toLowerCase(Locale.ROOT) + ", which needs "
                    + ConfigKeys.LISTENER_TLS_CLIENT_CA.path(name) + ": the CAs client certificates must chain to");
        }
        List<String> protocols = reader.get(ConfigKeys.LISTENER_TLS_PROTOCOLS, name);
        for (String protocol : protocols) {
            if (!TlsConfig.SUPPORTED_PROTOCOLS.contains(protocol)) {
                throw ConfigException.badValue(ConfigKeys.LISTENER_TLS_PROTOCOLS.path(name), protocol,
                        "TLSv1.3 and TLSv1.2");
            }
        }
        if (protocols.isEmpty()) {
            throw ConfigException.badValue(ConfigKeys.LISTENER_TLS_PROTOCOLS.path(name), "", "TLSv1.3 and TLSv1.2");
        }
        return new TlsConfig(cert, key, pkcs12, reader.get(ConfigKeys.LISTENER_TLS_PASSWORD, name), protocols,
                reader.get(ConfigKeys.LISTENER_TLS_CIPHERS, name), clientAuth, clientCa,
                reader.get(ConfigKeys.LISTENER_TLS_PROVIDER, name),
                reader.get(ConfigKeys.LISTENER_TLS_RELOAD_INTERVAL, name));
    }

    static @Nullable Path file(ConfigReader reader, Key<String> key, String name) {
        String value = reader.get(key, name);
        if (value == null) {
            return null;
        }
        Path path = Path.of(value);
        if (!Files.isReadable(path)) {
            throw ConfigException.badValue(key.path(name), value, "a readable file");
        }
        return path;
    }
}
