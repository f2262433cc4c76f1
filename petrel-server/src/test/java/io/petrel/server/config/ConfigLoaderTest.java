package io.petrel.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.petrel.mqtt.listener.ListenerConfig;
import io.petrel.mqtt.listener.ListenerType;
import io.petrel.server.ServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private Path yaml(String text) throws IOException {
        Path file = dir.resolve("petrel.yml");
        Files.writeString(file, text);
        return file;
    }

    private static ListenerConfig listener(ServerConfig config, String name) {
        return config.listeners().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void withoutAnyConfigurationPetrelListensOnLocalhostAndAllowsAnonymousClients() {
        ServerConfig config = ConfigLoader.load(null, Map.of(), Map.of());
        ListenerConfig tcp = listener(config, "tcp");
        assertThat(tcp.host()).isEqualTo("127.0.0.1");
        assertThat(tcp.port()).isEqualTo(1883);
        assertThat(tcp.allowAnonymous()).isTrue();
        assertThat(config.protocol().maxPacketSize()).isEqualTo(1 << 20);
        assertThat(config.engine().sysInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.dataDir()).isEqualTo(Path.of("data"));
    }

    @Test
    void fileThenEnvironmentThenFlagsEachOverrideTheOneBefore() throws IOException {
        Path file = yaml("""
                mqtt:
                  max-packet-size: 2MiB
                  topic-alias-maximum: 5
                sessions:
                  max-queued: 50
                """);
        ServerConfig config = ConfigLoader.load(file,
                Map.of("PETREL_MQTT_TOPIC_ALIAS_MAXIMUM", "7", "PETREL_SESSIONS_MAX_QUEUED", "60"),
                Map.of("sessions.max-queued", "70"));
        assertThat(config.protocol().maxPacketSize()).isEqualTo(2 << 20);
        assertThat(config.protocol().topicAliasMaximum()).isEqualTo(7);
        assertThat(config.engine().sessions().maxQueued()).isEqualTo(70);
    }

    @Test
    void aListenerBoundBeyondLoopbackRefusesAnonymousClientsUnlessEnabled() throws IOException {
        Path file = yaml("""
                listeners:
                  tcp:
                    bind: 0.0.0.0
                  open:
                    type: tcp
                    bind: 0.0.0.0
                    port: 1884
                    allow-anonymous: true
                """);
        ServerConfig config = ConfigLoader.load(file, Map.of(), Map.of());
        assertThat(listener(config, "tcp").allowAnonymous()).isFalse();
        assertThat(listener(config, "open").allowAnonymous()).isTrue();
    }

    @Test
    void anEnvironmentVariableCanCreateAListener() {
        ServerConfig config = ConfigLoader.load(null,
                Map.of("PETREL_LISTENERS_BACKUP_TYPE", "tcp", "PETREL_LISTENERS_BACKUP_PORT", "1999"), Map.of());
        ListenerConfig backup = listener(config, "backup");
        assertThat(backup.type()).isEqualTo(ListenerType.TCP);
        assertThat(backup.port()).isEqualTo(1999);
    }

    @Test
    void environmentNamesMatchListenersWithDashesInTheirNames() throws IOException {
        Path file = yaml("""
                listeners:
                  tcp-internal:
                    type: tcp
                    port: 1884
                """);
        ServerConfig config = ConfigLoader.load(file, Map.of("PETREL_LISTENERS_TCP_INTERNAL_PORT", "1885"), Map.of());
        assertThat(listener(config, "tcp-internal").port()).isEqualTo(1885);
    }

    @Test
    void aDisabledListenerIsNotStarted() {
        ServerConfig config = ConfigLoader.load(null, Map.of("PETREL_LISTENERS_TCP_ENABLED", "false"), Map.of());
        assertThat(config.listeners()).extracting(ListenerConfig::name).doesNotContain("tcp");
    }

    @Test
    void aBadValueNamesTheKeyTheValueAndWhatIsAllowed() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("sessions.max-inflight", "0")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("invalid value for sessions.max-inflight: \"0\" (allowed: an integer from 1 to 65535)");
    }

    @Test
    void aBadDurationIsRefused() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("PETREL_SYS_INTERVAL", "soon"), Map.of()))
                .hasMessageContaining("sys.interval").hasMessageContaining("\"soon\"");
    }

    @Test
    void anUnknownKeyIsRefusedWithTheKnownKeysOfItsSection() throws IOException {
        Path file = yaml("""
                mqtt:
                  max-packet-sise: 1MiB
                """);
        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of(), Map.of()))
                .hasMessageStartingWith("unknown configuration key mqtt.max-packet-sise")
                .hasMessageContaining("max-packet-size");
    }

    @Test
    void anUnknownEnvironmentVariableIsRefusedButLauncherVariablesAreNot() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("PETREL_MQTT_MAX_PACKETSIZE", "1"), Map.of()))
                .hasMessageContaining("PETREL_MQTT_MAX_PACKETSIZE");
        ConfigLoader.load(null, Map.of("PETREL_JAVA_OPTS", "-Xmx1g", "PETREL_LOG_LEVEL", "DEBUG"), Map.of());
    }

    @Test
    void aListenerOfUnknownNameNeedsAType() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("listeners.extra.port", "1999")))
                .hasMessage("listeners.extra.type is required (allowed: tcp, tls, ws or wss)");
    }

    @Test
    void twoListenersCannotBindTheSameAddress() {
        assertThatThrownBy(() -> ConfigLoader.load(null,
                Map.of("PETREL_LISTENERS_TWIN_TYPE", "tcp", "PETREL_LISTENERS_TWIN_PORT", "1883"), Map.of()))
                .hasMessageContaining("127.0.0.1:1883");
    }

    @Test
    void invalidYamlIsReportedAsSuch() throws IOException {
        Path file = yaml("listeners: [\n");
        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of(), Map.of()))
                .hasMessageContaining("is not valid YAML");
    }

    @Test
    void aMissingFileIsReported() {
        assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("absent.yml"), Map.of(), Map.of()))
                .hasMessageContaining("configuration file not found");
    }

    @Test
    void sizesDurationsAndNeverAreUnderstood() {
        ServerConfig config = ConfigLoader.load(null, Map.of(),
                Map.of("mqtt.max-packet-size", "64KiB", "mqtt.connect-timeout", "2m", "sessions.max-expiry", "never"));
        assertThat(config.protocol().maxPacketSize()).isEqualTo(65_536);
        assertThat(config.protocol().connectTimeoutSeconds()).isEqualTo(120);
        assertThat(config.engine().sessions().maxSessionExpirySeconds()).isEqualTo(0xFFFF_FFFFL);
    }

    @Test
    void theDefaultsAreTheFourListenersOnLocalhostWithTlsFromTheDevelopmentCertificate() {
        ServerConfig config = ConfigLoader.load(null, Map.of(), Map.of());
        assertThat(config.listeners()).extracting(ListenerConfig::name, ListenerConfig::type, ListenerConfig::port)
                .containsExactly(tuple("tcp", ListenerType.TCP, 1883),
                        tuple("tls", ListenerType.TLS, 8883),
                        tuple("ws", ListenerType.WS, 8083),
                        tuple("wss", ListenerType.WSS, 8085));
        assertThat(config.listeners()).allSatisfy(l -> {
            assertThat(l.host()).isEqualTo("127.0.0.1");
            assertThat(l.allowAnonymous()).isTrue();
        });
        assertThat(listener(config, "ws").path()).isEqualTo("/mqtt");
        assertThat(listener(config, "tls").tls().hasCertificate()).isFalse();
        assertThat(listener(config, "tls").tls().protocols()).containsExactly("TLSv1.3", "TLSv1.2");
    }

    @Test
    void severalListenersOfOneKindEachWithItsOwnAddress() throws IOException {
        Path file = yaml("""
                listeners:
                  ws:
                    enabled: false
                  devices-a:
                    type: tls
                    port: 9883
                    tls:
                      reload-interval: 1m
                  devices-b:
                    type: tls
                    bind: 127.0.0.2
                    port: 9883
                """);
        ServerConfig config = ConfigLoader.load(file, Map.of(), Map.of());
        assertThat(config.listeners()).extracting(ListenerConfig::name)
                .containsExactly("tcp", "tls", "wss", "devices-a", "devices-b");
        assertThat(listener(config, "devices-a").tls().reloadInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(listener(config, "devices-b").host()).isEqualTo("127.0.0.2");
    }

    @Test
    void onlyTls12And13AreAllowed() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("PETREL_LISTENERS_TLS_TLS_PROTOCOLS", "TLSv1.3,SSLv3"),
                Map.of())).hasMessage("invalid value for listeners.tls.tls.protocols: \"SSLv3\" (allowed: TLSv1.3 and "
                + "TLSv1.2)");
    }

    @Test
    void mutualTlsNeedsTheClientCa() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("listeners.wss.tls.client-auth", "optional")))
                .hasMessageContaining("listeners.wss.tls.client-auth is optional, which needs "
                        + "listeners.wss.tls.client-ca");
    }

    @Test
    void aWebSocketPathMustStartWithASlashAndTrustedProxiesMustBeAddresses() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("listeners.ws.path", "mqtt")))
                .hasMessage("invalid value for listeners.ws.path: \"mqtt\" (allowed: a path starting with /)");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("PETREL_LISTENERS_WS_TRUSTED_PROXIES", "nginx.local"),
                Map.of())).hasMessageContaining("listeners.ws.trusted-proxies").hasMessageContaining("nginx.local");
    }

    @Test
    void storeKeysChooseDurabilityAndTheDatabase() {
        ServerConfig defaults = ConfigLoader.load(null, Map.of(), Map.of());
        assertThat(defaults.store().durability()).isEqualTo(io.petrel.server.store.Durability.DURABLE);
        assertThat(defaults.store().type()).isEqualTo(io.petrel.server.store.StoreType.SQLITE);

        ServerConfig postgres = ConfigLoader.load(null, Map.of("PETREL_STORE_TYPE", "postgresql",
                "PETREL_STORE_POSTGRESQL_URL", "jdbc:postgresql://db:5432/petrel"), Map.of("store.max-batch", "64"));
        assertThat(postgres.store().postgresUrl()).isEqualTo("jdbc:postgresql://db:5432/petrel");
        assertThat(postgres.store().limits().maxBatch()).isEqualTo(64);

        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("PETREL_STORE_TYPE", "postgresql"), Map.of()))
                .hasMessageContaining("set store.postgresql.url as well");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("store.postgresql.url",
                "postgres://user:secret@db/petrel"))).hasMessageContaining("jdbc:postgresql:")
                .hasMessageNotContaining("secret");
    }

    @Test
    void theTestScriptsVariablesAreNotConfigurationKeys() {
        ServerConfig config = ConfigLoader.load(null, Map.of("PETREL_TEST_POSTGRESQL_URL", "jdbc:postgresql://x/y",
                "PETREL_TEST_POSTGRESQL_REQUIRED", "true"), Map.of());
        assertThat(config.store().postgresUrl()).isNull();
    }
}
