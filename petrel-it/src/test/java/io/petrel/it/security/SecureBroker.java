package io.petrel.it.security;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import io.petrel.api.auth.TopicScope;
import io.petrel.mqtt.listener.ListenerConfig;
import io.petrel.mqtt.listener.ListenerType;
import io.petrel.security.SecurityConfig;
import io.petrel.security.limit.ConnectGuardConfig;
import io.petrel.security.limit.LimitsConfig;
import io.petrel.security.token.OrgToken;
import io.petrel.security.token.TokenCodec;
import io.petrel.server.ServerConfig;
import io.petrel.testkit.EmbeddedPetrel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/** A test server with security on: a password file made by Debian's mosquitto_passwd, ACLs, organizations. */
final class SecureBroker {
    static final String PASSWORD = "correct horse";

    private SecureBroker() {
    }

    /** A password file with the given users, all with {@link #PASSWORD}, written by the real mosquitto_passwd. */
    static Path passwordFile(Path dir, String... users) throws IOException, InterruptedException {
        Path file = dir.resolve("passwd");
        for (int i = 0; i < users.length; i++) {
            List<String> command = new ArrayList<>(List.of("mosquitto_passwd"));
            if (i == 0) {
                command.add("-c");
            }
            command.addAll(List.of("-b", file.toString(), users[i], PASSWORD));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("mosquitto_passwd failed: " + new String(process.getInputStream().readAllBytes()));
            }
        }
        return file;
    }

    static Path aclFile(Path dir, String rules) throws IOException {
        return Files.writeString(dir.resolve("acl"), rules);
    }

    /** Security settings: no connect guard unless a test asks, and no limits. */
    static SecurityConfig security(@Nullable Path passwords, @Nullable Path acl, Map<String, List<String>> orgs,
            Set<String> operators) {
        return new SecurityConfig(passwords, acl, operators, orgs, true, null, null, null, 2, 1000,
                Duration.ofMillis(100),
                new ConnectGuardConfig(0, 0, Duration.ofSeconds(1), Duration.ofSeconds(1), true, 1000),
                LimitsConfig.none());
    }

    /** Starts a server whose listener refuses anonymous clients, with the given security settings. */
    static EmbeddedPetrel start(SecurityConfig security) {
        return start(security, UnaryOperator.identity());
    }

    static EmbeddedPetrel start(SecurityConfig security, UnaryOperator<ServerConfig> more) {
        return EmbeddedPetrel.withConfig(config -> more.apply(config
                .withListeners(List.of(new ListenerConfig("tcp", ListenerType.TCP, EmbeddedPetrel.HOST, 0, "/mqtt",
                        1 << 20, false, List.of(), false, null)))
                .withSecurity(security)));
    }

    /** Signs a token with the server's key. */
    static OrgToken token(String organization, List<String> publish, List<String> subscribe, Duration ttl) {
        Instant now = Instant.now();
        return new OrgToken(TokenCodec.newId(), "app", organization, new TopicScope(publish, subscribe), false, now,
                now.plus(ttl));
    }

    static String sign(EmbeddedPetrel petrel, OrgToken token) {
        return petrel.server().security().tokens().sign(token);
    }

    static Mqtt5ClientBuilder v5(EmbeddedPetrel petrel, String id) {
        return MqttClient.builder().useMqttVersion5().identifier(id).serverHost(petrel.host())
                .serverPort(petrel.port());
    }

    /** A connected v5 client with a user name and password. */
    static Mqtt5BlockingClient connectV5(EmbeddedPetrel petrel, String id, String user, @Nullable String password) {
        Mqtt5BlockingClient client = v5(petrel, id).buildBlocking();
        var connect = client.connectWith().simpleAuth().username(user);
        if (password != null) {
            connect = connect.password(password.getBytes(StandardCharsets.UTF_8));
        }
        connect.applySimpleAuth().send();
        return client;
    }

}
