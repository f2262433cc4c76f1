package io.petrel.cli.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** The connection and identity flags of {@code petrel pub} and {@code petrel sub}, as mosquitto's clients spell them. */
public final class ConnectionOptions {
    @Option(names = {"-L", "--url"}, paramLabel = "URL",
            description = "Broker URL: mqtt://host[:port], mqtts://..., ws://host[:port][/path] or wss://... "
                    + "Overrides -h and -p.")
    @Nullable String url;

    @Option(names = {"-h", "--host"}, defaultValue = "localhost",
            description = "Broker host (default: ${DEFAULT-VALUE}).")
    String host = "localhost";

    @Option(names = {"-p", "--port"}, description = "Broker port (default: 1883, or 8883 with TLS).")
    int port;

    @Option(names = {"-u", "--username"}, description = "User name.")
    @Nullable String username;

    @Option(names = {"-P", "--pw"}, description = "Password.")
    @Nullable String password;

    @Option(names = {"-i", "--id"}, description = "Client id (default: one the broker assigns).")
    @Nullable String clientId;

    @Option(names = {"-k", "--keepalive"}, defaultValue = "60",
            description = "Keep alive in seconds (default: ${DEFAULT-VALUE}).")
    int keepAlive = 60;

    @Option(names = {"-V", "--protocol-version"}, defaultValue = "5",
            description = "MQTT version: 5 or 311 (also mqttv5, mqttv311; default: ${DEFAULT-VALUE}).")
    String version = "5";

    @Option(names = {"-c", "--disable-clean-session"},
            description = "Resume a persistent session (needs -i); with MQTT 5 see also -x.")
    boolean persistent;

    @Option(names = {"-x", "--session-expiry"}, paramLabel = "SECONDS",
            description = "MQTT 5 session expiry interval (default: 0, or unlimited with -c).")
    @Nullable Long sessionExpiry;

    @Option(names = "--connect-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "How long to wait for the broker to accept the connection (default: ${DEFAULT-VALUE}).")
    int connectTimeoutSeconds = 10;

    @ArgGroup(exclusive = false, heading = "TLS:%n")
    @Nullable Tls tls;

    @ArgGroup(exclusive = false, heading = "Will:%n")
    @Nullable WillOptions will;

    /** TLS flags. */
    public static final class Tls {
        @Option(names = "--cafile", description = "PEM file of the CA certificates to trust (default: the JDK's).")
        @Nullable Path caFile;

        @Option(names = "--cert", description = "PEM client certificate, for brokers that require one.")
        @Nullable Path certFile;

        @Option(names = "--key", description = "PEM (PKCS#8) private key of --cert.")
        @Nullable Path keyFile;

        @Option(names = "--insecure", description = "Do not check that the server certificate names the host.")
        boolean insecure;

        @Option(names = "--tls", description = "Use TLS with -h/-p (implied by --cafile and --cert).")
        boolean enabled;
    }

    /** The will message the broker publishes if the client goes away without DISCONNECT. */
    public static final class WillOptions {
        @Option(names = "--will-topic", required = true, description = "Topic of the will.")
        String topic = "";

        @Option(names = "--will-payload", description = "Payload of the will (default: empty).")
        String payload = "";

        @Option(names = "--will-qos", description = "QoS of the will (default: 0).")
        int qos;

        @Option(names = "--will-retain", description = "Retain the will.")
        boolean retain;
    }

    /** The broker's address, from {@code -L} or from {@code -h}/{@code -p} and the TLS flags. */
    public Endpoint endpoint() {
        if (url != null) {
            return Endpoint.parse(url);
        }
        boolean useTls = tls != null && (tls.enabled || tls.caFile != null || tls.certFile != null);
        return Endpoint.of(host, port, useTls);
    }

    /** Whether MQTT 5 is asked for; throws with a message for the user on an unknown version. */
    public boolean v5() {
        return switch (version.toLowerCase(Locale.ROOT)) {
            case "5", "mqttv5" -> true;
            case "311", "mqttv311", "4" -> false;
            case "31", "mqttv31", "3" -> throw new IllegalArgumentException(
                    "MQTT 3.1 (-V 31) is not supported by petrel pub/sub: use 311 or 5");
            default -> throw new IllegalArgumentException("unknown protocol version '" + version + "': use 5 or 311");
        };
    }

    public @Nullable String username() {
        return username;
    }

    public @Nullable String password() {
        return password;
    }

    public @Nullable String clientId() {
        return clientId;
    }

    public int keepAlive() {
        return keepAlive;
    }

    public boolean persistent() {
        return persistent;
    }

    /** The session expiry to ask for: as given, else unlimited for a persistent session and 0 otherwise. */
    public long sessionExpirySeconds() {
        if (sessionExpiry != null) {
            return sessionExpiry;
        }
        return persistent ? 0xFFFF_FFFFL : 0;
    }

    public Duration connectTimeout() {
        return Duration.ofSeconds(connectTimeoutSeconds);
    }

    public @Nullable Tls tls() {
        return tls;
    }

    public @Nullable WillOptions will() {
        return will;
    }

    /** Checks the combinations picocli cannot; throws with a message for the user. */
    public void validate() {
        v5();
        endpoint();
        if (persistent && (clientId == null || clientId.isEmpty())) {
            throw new IllegalArgumentException("-c needs a client id (-i): a persistent session is found by its id");
        }
        if (password != null && username == null) {
            throw new IllegalArgumentException("-P needs a user name (-u)");
        }
        if (tls != null && (tls.certFile == null) != (tls.keyFile == null)) {
            throw new IllegalArgumentException("--cert and --key go together");
        }
        if (will != null && (will.qos < 0 || will.qos > 2)) {
            throw new IllegalArgumentException("--will-qos must be 0, 1 or 2");
        }
        if (keepAlive < 0 || keepAlive > 65_535) {
            throw new IllegalArgumentException("-k must be between 0 and 65535");
        }
    }
}
