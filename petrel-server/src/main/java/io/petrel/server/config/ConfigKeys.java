package io.petrel.server.config;

import io.petrel.api.limit.ClientLimits;
import io.petrel.mqtt.listener.ListenerType;
import io.petrel.mqtt.protocol.MqttProtocolConfig;
import io.petrel.mqtt.transport.TransportKind;
import io.petrel.mqtt.transport.tls.TlsConfig;
import io.petrel.security.cert.CertificateAuthenticator;
import io.petrel.server.store.Durability;
import io.petrel.server.store.StoreType;
import java.time.Duration;
import java.util.List;

/**
 * Every configuration key Petrel reads, with its default and description. {@code docs/configuration.md} is
 * checked against this list, so a key cannot be added without documenting it.
 */
public final class ConfigKeys {
    public static final Key<String> DATA_DIR = Key.string("data-dir", "data",
            "Directory for Petrel's data: the database, generated certificates and keys.");

    public static final Key<TransportKind> TRANSPORT = Key.choice("server.transport", TransportKind.class,
            TransportKind.AUTO, "Socket transport; auto picks epoll on Linux, else NIO.");
    public static final Key<Integer> WORKER_THREADS = Key.integer("server.worker-threads", 0, 0, 1024,
            "Event-loop threads; 0 means one per processor.");
    public static final Key<Duration> SHUTDOWN_TIMEOUT = Key.duration("server.shutdown-timeout",
            Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofMinutes(10),
            "How long a graceful shutdown may take before Petrel exits anyway.");

    public static final Key<ListenerType> LISTENER_TYPE = Key.choice("listeners.<name>.type", ListenerType.class,
            null, "What the listener carries: tcp, tls, ws or wss. Defaults to the entry's name when that is one "
                    + "of these.");
    public static final Key<Boolean> LISTENER_ENABLED = Key.bool("listeners.<name>.enabled", true,
            "Whether the listener is started.");
    public static final Key<String> LISTENER_BIND = Key.string("listeners.<name>.bind", "127.0.0.1",
            "Address to bind; 0.0.0.0 or :: for every interface.");
    public static final Key<Integer> LISTENER_PORT = Key.integer("listeners.<name>.port",
            "1883, 8883, 8083 or 8085 by type", 0, 65_535, "Port to bind; 0 picks a free one.");
    public static final Key<String> LISTENER_PATH = Key.string("listeners.<name>.path", "/mqtt",
            "WebSocket path (ws and wss); other paths get HTTP 404.");
    public static final Key<Long> LISTENER_MAX_FRAME_SIZE = Key.size("listeners.<name>.max-frame-size",
            1L << 20, 1024, 256L << 20, "Largest WebSocket frame accepted (ws and wss).");
    public static final Key<Boolean> LISTENER_PROXY_PROTOCOL = Key.bool("listeners.<name>.proxy-protocol", false,
            "Expect a PROXY protocol v1 or v2 header on every connection, and use the address it carries.");
    public static final Key<List<String>> LISTENER_TRUSTED_PROXIES = Key.strings("listeners.<name>.trusted-proxies",
            List.of(), "Addresses or CIDR ranges whose X-Forwarded-For header is believed (ws and wss).");
    public static final Key<Boolean> LISTENER_ALLOW_ANONYMOUS = Key.bool("listeners.<name>.allow-anonymous",
            "true if the listener binds to a loopback address, else false",
            "Whether clients without credentials may connect.");
    public static final Key<String> LISTENER_TLS_CERT = Key.string("listeners.<name>.tls.cert", null,
            "PEM certificate chain (tls and wss). Without cert and pkcs12, a development certificate is "
                    + "generated in <data-dir>/certs.");
    public static final Key<String> LISTENER_TLS_KEY = Key.string("listeners.<name>.tls.key", null,
            "PEM private key of the certificate.");
    public static final Key<String> LISTENER_TLS_PKCS12 = Key.string("listeners.<name>.tls.pkcs12", null,
            "PKCS#12 keystore holding the key and chain, instead of cert and key.");
    public static final Key<String> LISTENER_TLS_PASSWORD = Key.string("listeners.<name>.tls.password", null,
            "Password of the PKCS#12 keystore or of an encrypted PEM key.");
    public static final Key<List<String>> LISTENER_TLS_PROTOCOLS = Key.strings("listeners.<name>.tls.protocols",
            TlsConfig.SUPPORTED_PROTOCOLS, "TLS versions allowed: TLSv1.3, TLSv1.2 or both.");
    public static final Key<List<String>> LISTENER_TLS_CIPHERS = Key.strings("listeners.<name>.tls.ciphers",
            List.of(), "Cipher suites allowed; empty for the provider's defaults.");
    public static final Key<TlsConfig.ClientAuth> LISTENER_TLS_CLIENT_AUTH = Key.choice(
            "listeners.<name>.tls.client-auth", TlsConfig.ClientAuth.class, TlsConfig.ClientAuth.NONE,
            "Mutual TLS: none, optional (checked if presented) or required.");
    public static final Key<String> LISTENER_TLS_CLIENT_CA = Key.string("listeners.<name>.tls.client-ca", null,
            "PEM bundle of the CAs client certificates must chain to; required when client-auth is optional or "
                    + "required.");
    public static final Key<TlsConfig.Provider> LISTENER_TLS_PROVIDER = Key.choice("listeners.<name>.tls.provider",
            TlsConfig.Provider.class, TlsConfig.Provider.AUTO,
            "TLS implementation: auto (OpenSSL where netty-tcnative loads, else the JDK), jdk or openssl.");
    public static final Key<Duration> LISTENER_TLS_RELOAD_INTERVAL = Key.duration(
            "listeners.<name>.tls.reload-interval", Duration.ofSeconds(10), Duration.ZERO, Duration.ofHours(24),
            "How often the certificate files are checked; changed files are loaded for new connections without "
                    + "dropping open ones. 0 turns reloading off.");

    public static final Key<Long> MAX_PACKET_SIZE = Key.size("mqtt.max-packet-size", 1L << 20, 64,
            MqttProtocolConfig.PROTOCOL_MAX_PACKET_SIZE, "Largest MQTT packet accepted; larger ones end the "
                    + "connection with reason 0x95.");
    public static final Key<Integer> MAX_CLIENT_ID_LENGTH = Key.integer("mqtt.max-client-id-length", 65_535, 23,
            65_535, "Longest client identifier accepted.");
    public static final Key<Integer> RECEIVE_MAXIMUM = Key.integer("mqtt.receive-maximum", 1024, 1, 65_535,
            "Inbound QoS 2 messages a client may have awaiting PUBREL at once (announced to MQTT 5 clients), "
                    + "and packets held while flow control makes a publisher wait.");
    public static final Key<Integer> TOPIC_ALIAS_MAXIMUM = Key.integer("mqtt.topic-alias-maximum", 10, 0, 65_535,
            "Highest topic alias a client may use; 0 turns inbound topic aliases off.");
    public static final Key<Duration> MAX_KEEP_ALIVE = Key.duration("mqtt.max-keep-alive",
            Duration.ofSeconds(65_535), Duration.ofSeconds(1), Duration.ofSeconds(65_535),
            "Longest keep alive granted to MQTT 5 clients; longer requests get this as server keep alive.");
    public static final Key<Duration> CONNECT_TIMEOUT = Key.duration("mqtt.connect-timeout", Duration.ofSeconds(10),
            Duration.ofSeconds(1), Duration.ofHours(1), "How long a new connection may take to send CONNECT.");
    public static final Key<Boolean> RETAIN_AVAILABLE = Key.bool("mqtt.retain-available", true,
            "Whether retained messages are supported.");
    public static final Key<Integer> MAX_PENDING_BEFORE_CONNECT = Key.integer("mqtt.max-pending-before-connect",
            1000, 0, 1_000_000, "Packets a client may send after CONNECT before its CONNACK.");

    public static final Key<Integer> MAX_INFLIGHT = Key.integer("sessions.max-inflight", 100, 1, 65_535,
            "QoS 1 and 2 messages in flight to one client; its receive maximum may lower it.");
    public static final Key<Integer> MAX_QUEUED = Key.integer("sessions.max-queued", 1000, 0, 10_000_000,
            "Messages routed to one session and not yet sent, online or offline. Publishers to a connected session "
                    + "wait at half of it until it drains to a quarter; beyond it messages are dropped and counted.");
    public static final Key<Boolean> QUEUE_QOS0_OFFLINE = Key.bool("sessions.queue-qos0-offline", false,
            "Whether QoS 0 messages are queued for disconnected persistent sessions.");
    public static final Key<Duration> MAX_SESSION_EXPIRY = Key.duration("sessions.max-expiry", ValueParsers.NEVER,
            Duration.ZERO, ValueParsers.NEVER, "Longest session expiry granted; never grants any.");
    public static final Key<Duration> SLOW_CONSUMER_TIMEOUT = Key.duration("sessions.slow-consumer-timeout",
            Duration.ofSeconds(10), Duration.ofMillis(100), Duration.ofHours(1),
            "How long publishers wait for a connected subscriber to drain to a quarter of sessions.max-queued; "
                    + "then it sheds what exceeds sessions.max-queued, QoS 0 first, until it drains.");

    public static final Key<Duration> SYS_INTERVAL = Key.duration("sys.interval", Duration.ofSeconds(10),
            Duration.ZERO, Duration.ofHours(1), "How often $SYS topics are published; 0 turns them off.");

    public static final Key<String> PASSWORD_FILE = Key.string("auth.password-file", null,
            "Users and passwords in mosquitto_passwd format ($7$ PBKDF2-SHA512 or $6$ SHA-512); `petrel passwd` "
                    + "edits it. Reread when it changes.");
    public static final Key<String> ACL_FILE = Key.string("auth.acl-file", null,
            "ACL rules in Mosquitto's format plus `org`, `allow` and `deny` lines (see docs/security.md). Without "
                    + "it, clients may use every topic of their organization. Reread when it changes.");
    public static final Key<List<String>> OPERATORS = Key.strings("auth.operators", List.of(),
            "User names that may reach every organization's topics, through $org/{name}/...");
    public static final Key<Boolean> TOKENS_ENABLED = Key.bool("auth.tokens.enabled", true,
            "Whether org tokens are accepted as user names.");
    public static final Key<String> TOKENS_KEY = Key.string("auth.tokens.key", null,
            "Token signing key, a private EC P-256 JWK. Without it, one is generated in "
                    + "<data-dir>/keys/token-signing-key.jwk.");
    public static final Key<CertificateAuthenticator.Identity> X509_IDENTITY = Key.choice("auth.x509.identity",
            CertificateAuthenticator.Identity.class, null, "Take a verified TLS client certificate's identity from "
                    + "its cn, its first san, or a fingerprint mapping; unset ignores certificates.");
    public static final Key<String> X509_FINGERPRINTS = Key.string("auth.x509.fingerprints", null,
            "For the fingerprint identity: a file of `<sha256 fingerprint> <name>` lines.");
    public static final Key<Integer> AUTH_THREADS = Key.integer("auth.threads", 2, 1, 256,
            "Threads that check passwords and token signatures, off the event loops.");
    public static final Key<Integer> AUTH_QUEUE = Key.integer("auth.queue", 10_000, 1, 1_000_000,
            "Checks that may wait for those threads; beyond it CONNECTs are refused with server unavailable.");
    public static final Key<List<String>> ORGANIZATION_USERS = Key.strings("organizations.<name>.users", List.of(),
            "Users (password, certificate) of an organization other than the default one.");

    public static final Key<Integer> MAX_CONNECTIONS = Key.integer("limits.max-connections", 0, 0, 100_000_000,
            "Connections at once over all organizations; 0 for no limit. Beyond it: CONNACK 0x97 (v5), 3 (v3).");
    public static final Key<Integer> MAX_CONNECTIONS_PER_ORG = Key.integer("limits.max-connections-per-org", 0, 0,
            100_000_000, "Connections at once in one organization; 0 for no limit.");
    public static final Key<Integer> MAX_CONNECTIONS_PER_USER = Key.integer("limits.max-connections-per-user", 0, 0,
            100_000_000, "Connections at once with one identity; 0 for no limit.");
    public static final Key<Integer> CONNECT_RATE_PER_IP = Key.integer("limits.connect-rate-per-ip", 20, 0, 1_000_000,
            "CONNECTs per second from one address (burst of twice that); 0 for no limit. Beyond it: CONNACK 0x9F "
                    + "(v5), 3 (v3).");
    public static final Key<Integer> LOGIN_FAILURES_BEFORE_BACKOFF = Key.integer("limits.login-failures-before-backoff",
            5, 0, 1_000_000, "Failed logins from one address before it must wait; 0 turns back-off off.");
    public static final Key<Duration> LOGIN_BACKOFF = Key.duration("limits.login-backoff", Duration.ofSeconds(1),
            Duration.ofMillis(1), Duration.ofHours(1), "First wait after too many failed logins; doubled by each "
                    + "further failure.");
    public static final Key<Duration> LOGIN_BACKOFF_MAX = Key.duration("limits.login-backoff-max",
            Duration.ofMinutes(5), Duration.ofMillis(1), Duration.ofDays(1), "Longest wait after failed logins.");
    public static final Key<Boolean> LIMITS_EXEMPT_LOOPBACK = Key.bool("limits.exempt-loopback", true,
            "Whether loopback addresses escape the connect rate and login back-off.");
    public static final Key<Integer> PUBLISH_RATE = Key.integer("limits.publish-rate", 0, 0, 100_000_000,
            "PUBLISH packets per second one client may send; 0 for no limit.");
    public static final Key<Long> PUBLISH_BYTES_RATE = Key.size("limits.publish-bytes-rate", 0, 0, 1L << 40,
            "Payload bytes per second one client may publish; 0 for no limit.");
    public static final Key<ClientLimits.QuotaAction> PUBLISH_RATE_ACTION = Key.choice("limits.publish-rate-action",
            ClientLimits.QuotaAction.class, ClientLimits.QuotaAction.REFUSE, "Over the rate: refuse (PUBACK 0x97 "
                    + "for v5, dropped for QoS 0 and v3), disconnect (DISCONNECT 0x97), or throttle (stop reading "
                    + "until the client is back within its rate; nothing is lost).");
    public static final Key<Integer> MAX_SUBSCRIPTIONS = Key.integer("limits.max-subscriptions", 0, 0, 10_000_000,
            "Subscriptions one session may hold; 0 for no limit. Beyond it: SUBACK 0x97 (v5), 0x80 (v3).");
    public static final Key<Integer> MAX_TOPIC_LENGTH = Key.integer("limits.max-topic-length", 0, 0, 65_535,
            "Longest topic name or filter in characters; 0 for MQTT's own limit.");
    public static final Key<Integer> MAX_TOPIC_LEVELS = Key.integer("limits.max-topic-levels", 0, 0, 65_535,
            "Most levels in a topic name or filter; 0 for no limit.");

    public static final Key<Integer> MAX_RETAINED_PER_ORG = Key.integer("limits.max-retained-per-org", 0, 0,
            100_000_000, "Retained messages one organization may hold; 0 for no limit. A retained PUBLISH beyond it: "
                    + "PUBACK 0x97 (v5), dropped (v3).");

    public static final Key<Boolean> DEVICES_ENABLED = Key.bool("devices.enabled", true,
            "Whether the device platform serves devices: the ThingsBoard-compatible device API, telemetry, "
                    + "attributes, RPC and provisioning (see docs/devices.md).");
    public static final Key<Integer> DEVICES_THREADS = Key.integer("devices.threads", 4, 1, 256,
            "Threads for the device platform's store calls and password checks, off the event loops.");
    public static final Key<Integer> DEVICES_QUEUE = Key.integer("devices.queue", 10_000, 1, 10_000_000,
            "Store calls that may wait for those threads; beyond it device CONNECTs are refused with server "
                    + "unavailable and a publish that cannot be handled ends its session with 0x83.");
    public static final Key<Long> DEVICES_MAX_PAYLOAD_SIZE = Key.size("devices.max-payload-size", 65_536, 1,
            MqttProtocolConfig.PROTOCOL_MAX_PACKET_SIZE, "Largest payload a device may publish to the device "
                    + "API, reported by getSessionLimits; larger ones end the connection with 0x95.");
    public static final Key<Integer> DEVICES_MAX_INFLIGHT = Key.integer("devices.max-inflight", 100, 2, 65_535,
            "Publishes of one device awaiting the platform before its connection is no longer read, so that a slow "
                    + "store slows devices down; reported by getSessionLimits as maxInflightMessages.");
    public static final Key<Integer> DEVICES_MAX_SESSIONS = Key.integer("devices.max-sessions-per-device", 1, 1,
            1000, "Live sessions per device; a new one closes the oldest with 0x8E, whatever its client id.");
    public static final Key<String> DEVICES_RATE_MESSAGES = Key.string("devices.rate-limits.messages",
            "200:1,6000:60", "Message rate limits getSessionLimits reports to devices, as capacity:seconds pairs; "
                    + "empty for none. Devices throttle themselves by them; the broker's own limits are limits.*.");
    public static final Key<String> DEVICES_RATE_TELEMETRY_MESSAGES = Key.string(
            "devices.rate-limits.telemetry-messages", "100:1,3000:60",
            "Telemetry message rate limits reported by getSessionLimits.");
    public static final Key<String> DEVICES_RATE_TELEMETRY_POINTS = Key.string(
            "devices.rate-limits.telemetry-data-points", "200:1,6000:60",
            "Telemetry data point rate limits reported by getSessionLimits.");
    public static final Key<Duration> DEVICES_CLIENT_RPC_TIMEOUT = Key.duration("devices.client-rpc-timeout",
            Duration.ofSeconds(60), Duration.ofMillis(100), Duration.ofHours(1),
            "How long a device's client-side RPC waits for its answer before {\"error\":\"timeout\"}.");
    public static final Key<Duration> DEVICES_RPC_TRANSPORT_TIMEOUT = Key.duration("devices.rpc.transport-timeout",
            Duration.ofSeconds(10), Duration.ofMillis(100), Duration.ofHours(1),
            "How long a server-side RPC sent at QoS 1 waits for the device's PUBACK before it times out.");
    public static final Key<Duration> DEVICES_RPC_DEFAULT_TIMEOUT = Key.duration("devices.rpc.default-timeout",
            Duration.ofSeconds(10), Duration.ofMillis(100), Duration.ofHours(24),
            "Timeout of a server-side RPC whose caller gives none.");
    public static final Key<Duration> DEVICES_RPC_MIN_TIMEOUT = Key.duration("devices.rpc.min-timeout",
            Duration.ofSeconds(5), Duration.ofMillis(100), Duration.ofHours(24),
            "Shortest server-side RPC timeout; shorter ones are raised to it.");
    public static final Key<Duration> DEVICES_INACTIVITY_TIMEOUT = Key.duration("devices.inactivity-timeout",
            Duration.ofMinutes(10), Duration.ofSeconds(1), Duration.ofDays(365),
            "How long a device may be silent before it is inactive, unless its server attribute "
                    + "inactivityTimeout (ms) says otherwise.");
    public static final Key<Duration> DEVICES_SESSION_INACTIVITY_TIMEOUT = Key.duration(
            "devices.session-inactivity-timeout", Duration.ofMinutes(10), Duration.ofSeconds(1), Duration.ofDays(365),
            "How long a device session may go without traffic before it is closed with 0xA0.");
    public static final Key<Duration> DEVICES_ACTIVITY_REPORT_INTERVAL = Key.duration(
            "devices.activity-report-interval", Duration.ofSeconds(5), Duration.ZERO, Duration.ofHours(1),
            "Least time between two stored lastActivityTime attributes of a device.");
    public static final Key<Duration> DEVICES_ACTIVITY_CHECK_INTERVAL = Key.duration(
            "devices.activity-check-interval", Duration.ofMinutes(1), Duration.ofMillis(100), Duration.ofHours(1),
            "How often inactive devices and idle device sessions are looked for.");
    public static final Key<Duration> DEVICES_PROVISION_LINGER = Key.duration("devices.provision-linger",
            Duration.ofMinutes(1), Duration.ZERO, Duration.ofHours(1),
            "How long a provisioning session stays open after its answer.");
    public static final Key<Boolean> DEVICES_TYPE_CAST = Key.bool("devices.json.type-cast", true,
            "Whether a telemetry or attribute string that is a number is stored as that number.");
    public static final Key<Integer> DEVICES_MAX_STRING_LENGTH = Key.integer("devices.json.max-string-length", 0, 0,
            100_000_000, "Longest string value a device may send; longer ones make the message invalid. 0 for no "
                    + "limit.");

    public static final Key<Boolean> HTTP_ENABLED = Key.bool("http.enabled", true,
            "Whether the HTTP server (/health, /metrics, the REST API under /api/v1) runs.");
    public static final Key<String> HTTP_BIND = Key.string("http.bind", "127.0.0.1", "Address the HTTP server binds.");
    public static final Key<Integer> HTTP_PORT = Key.integer("http.port", 8080, 0, 65_535,
            "Port of the HTTP server; 0 picks a free one.");
    public static final Key<String> API_ADMIN_USER = Key.string("http.api.admin-user", "admin",
            "User name of the REST API admin of the configuration, who acts in every organization.");
    public static final Key<String> API_ADMIN_PASSWORD = Key.string("http.api.admin-password", null,
            "That admin's password: a mosquitto_passwd hash ($7$... from `petrel passwd`) or plain text. Without "
                    + "it and without http.api.admins, a password is generated in <data-dir>/api-admin-password.");
    public static final Key<List<String>> API_ADMINS = Key.strings("http.api.admins", List.of(),
            "Users of auth.password-file who may log in to the REST API: operators (auth.operators) act in every "
                    + "organization, the others in their own.");
    public static final Key<Duration> API_SESSION_TTL = Key.duration("http.api.session-ttl", Duration.ofHours(12),
            Duration.ofMinutes(1), Duration.ofDays(30), "How long a REST API login's session token is valid.");
    public static final Key<Durability> STORE_DURABILITY = Key.choice("store.durability", Durability.class,
            Durability.DURABLE, "durable: PUBACK, PUBREC and the CONNACK of a persistent session wait until their "
                    + "state is committed, and sessions, queues, retained messages and the device platform's data "
                    + "survive restarts and crashes; memory: state lives on the heap only and is lost when Petrel "
                    + "stops.");
    public static final Key<StoreType> STORE_TYPE = Key.choice("store.type", StoreType.class, StoreType.SQLITE,
            "Where durable state is kept: sqlite (<data-dir>/petrel.db, and the device platform's "
                    + "<data-dir>/platform.db) or postgresql (one database for both).");
    public static final Key<Boolean> STORE_SQLITE_FSYNC = Key.bool("store.sqlite.fsync", true,
            "Whether each SQLite commit waits for the disk. Off, a killed process still loses nothing, but a power "
                    + "cut may lose the last commits.");
    public static final Key<String> STORE_POSTGRESQL_URL = Key.string("store.postgresql.url", null,
            "JDBC URL of the PostgreSQL database, such as jdbc:postgresql://db.example.com:5432/petrel.");
    public static final Key<String> STORE_POSTGRESQL_USER = Key.string("store.postgresql.user", null,
            "PostgreSQL user; by default the URL's.");
    public static final Key<String> STORE_POSTGRESQL_PASSWORD = Key.string("store.postgresql.password", null,
            "PostgreSQL password.");
    public static final Key<Integer> STORE_POSTGRESQL_POOL_SIZE = Key.integer("store.postgresql.pool-size", 8, 2,
            256, "Most connections to PostgreSQL: one writes, the others read.");
    public static final Key<Integer> STORE_MAX_BATCH = Key.integer("store.max-batch", 4096, 1, 1_000_000,
            "Most writes committed together in one transaction (group commit).");
    public static final Key<Integer> STORE_MAX_PENDING = Key.integer("store.max-pending", 1_000_000, 1000,
            100_000_000, "Writes waiting for the database before new ones are refused, which bounds the heap.");

    /** Every key, in documentation order. */
    public static final List<Key<?>> ALL = List.of(DATA_DIR, TRANSPORT, WORKER_THREADS, SHUTDOWN_TIMEOUT,
            LISTENER_TYPE, LISTENER_ENABLED, LISTENER_BIND, LISTENER_PORT, LISTENER_PATH, LISTENER_MAX_FRAME_SIZE,
            LISTENER_PROXY_PROTOCOL, LISTENER_TRUSTED_PROXIES, LISTENER_ALLOW_ANONYMOUS, LISTENER_TLS_CERT,
            LISTENER_TLS_KEY, LISTENER_TLS_PKCS12, LISTENER_TLS_PASSWORD, LISTENER_TLS_PROTOCOLS,
            LISTENER_TLS_CIPHERS, LISTENER_TLS_CLIENT_AUTH, LISTENER_TLS_CLIENT_CA, LISTENER_TLS_PROVIDER,
            LISTENER_TLS_RELOAD_INTERVAL,
            MAX_PACKET_SIZE, MAX_CLIENT_ID_LENGTH, RECEIVE_MAXIMUM, TOPIC_ALIAS_MAXIMUM, MAX_KEEP_ALIVE,
            CONNECT_TIMEOUT, RETAIN_AVAILABLE, MAX_PENDING_BEFORE_CONNECT, MAX_INFLIGHT, MAX_QUEUED,
            QUEUE_QOS0_OFFLINE, MAX_SESSION_EXPIRY, SLOW_CONSUMER_TIMEOUT, SYS_INTERVAL, PASSWORD_FILE, ACL_FILE,
            OPERATORS, TOKENS_ENABLED, TOKENS_KEY, X509_IDENTITY, X509_FINGERPRINTS, AUTH_THREADS, AUTH_QUEUE, ORGANIZATION_USERS,
            MAX_CONNECTIONS, MAX_CONNECTIONS_PER_ORG, MAX_CONNECTIONS_PER_USER, CONNECT_RATE_PER_IP,
            LOGIN_FAILURES_BEFORE_BACKOFF, LOGIN_BACKOFF, LOGIN_BACKOFF_MAX, LIMITS_EXEMPT_LOOPBACK, PUBLISH_RATE,
            PUBLISH_BYTES_RATE, PUBLISH_RATE_ACTION, MAX_SUBSCRIPTIONS, MAX_TOPIC_LENGTH, MAX_TOPIC_LEVELS,
            MAX_RETAINED_PER_ORG, DEVICES_ENABLED, DEVICES_THREADS, DEVICES_QUEUE, DEVICES_MAX_PAYLOAD_SIZE,
            DEVICES_MAX_INFLIGHT, DEVICES_MAX_SESSIONS, DEVICES_RATE_MESSAGES, DEVICES_RATE_TELEMETRY_MESSAGES,
            DEVICES_RATE_TELEMETRY_POINTS, DEVICES_CLIENT_RPC_TIMEOUT, DEVICES_RPC_TRANSPORT_TIMEOUT,
            DEVICES_RPC_DEFAULT_TIMEOUT, DEVICES_RPC_MIN_TIMEOUT, DEVICES_INACTIVITY_TIMEOUT,
            DEVICES_SESSION_INACTIVITY_TIMEOUT, DEVICES_ACTIVITY_REPORT_INTERVAL, DEVICES_ACTIVITY_CHECK_INTERVAL,
            DEVICES_PROVISION_LINGER, DEVICES_TYPE_CAST, DEVICES_MAX_STRING_LENGTH, HTTP_ENABLED, HTTP_BIND,
            HTTP_PORT, API_ADMIN_USER, API_ADMIN_PASSWORD, API_ADMINS, API_SESSION_TTL, STORE_DURABILITY, STORE_TYPE, STORE_SQLITE_FSYNC, STORE_POSTGRESQL_URL, STORE_POSTGRESQL_USER,
            STORE_POSTGRESQL_PASSWORD, STORE_POSTGRESQL_POOL_SIZE, STORE_MAX_BATCH, STORE_MAX_PENDING);

    private ConfigKeys() {
    }
}
