package io.petrel.server.config;

import io.petrel.api.topic.Namespace;
import io.petrel.security.SecurityConfig;
import io.petrel.security.limit.ConnectGuardConfig;
import io.petrel.security.limit.LimitsConfig;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the {@code auth.*}, {@code organizations.*} and {@code limits.*} keys into a {@link SecurityConfig}. */
final class SecurityConfigReader {
    private SecurityConfigReader() {
    }

    static SecurityConfig read(ConfigReader reader, ConfigTree tree) {
        Map<String, List<String>> organizations = new LinkedHashMap<>();
        for (String name : tree.names("organizations")) {
            if (!Namespace.isValidName(name)) {
                throw new ConfigException("invalid organization name \"" + name
                        + "\" (allowed: lower-case letters, digits, '.', '_' and '-')");
            }
            organizations.put(name, reader.get(ConfigKeys.ORGANIZATION_USERS, name));
        }
        ConnectGuardConfig guard = new ConnectGuardConfig(
                reader.get(ConfigKeys.CONNECT_RATE_PER_IP),
                reader.get(ConfigKeys.LOGIN_FAILURES_BEFORE_BACKOFF),
                reader.get(ConfigKeys.LOGIN_BACKOFF),
                reader.get(ConfigKeys.LOGIN_BACKOFF_MAX),
                reader.get(ConfigKeys.LIMITS_EXEMPT_LOOPBACK),
                ConnectGuardConfig.defaults().maxTrackedAddresses());
        LimitsConfig limits = new LimitsConfig(
                reader.get(ConfigKeys.MAX_CONNECTIONS),
                reader.get(ConfigKeys.MAX_CONNECTIONS_PER_ORG),
                reader.get(ConfigKeys.MAX_CONNECTIONS_PER_USER),
                reader.get(ConfigKeys.PUBLISH_RATE),
                reader.get(ConfigKeys.PUBLISH_BYTES_RATE),
                reader.get(ConfigKeys.PUBLISH_RATE_ACTION),
                reader.get(ConfigKeys.MAX_SUBSCRIPTIONS),
                reader.get(ConfigKeys.MAX_TOPIC_LENGTH),
                reader.get(ConfigKeys.MAX_TOPIC_LEVELS),
                reader.get(ConfigKeys.MAX_RETAINED_PER_ORG));
        return new SecurityConfig(
                ConfigLoader.file(reader, ConfigKeys.PASSWORD_FILE, ""),
                ConfigLoader.file(reader, ConfigKeys.ACL_FILE, ""),
                new HashSet<>(reader.get(ConfigKeys.OPERATORS)),
                organizations,
                reader.get(ConfigKeys.TOKENS_ENABLED),
                ConfigLoader.file(reader, ConfigKeys.TOKENS_KEY, ""),
                reader.get(ConfigKeys.X509_IDENTITY),
                ConfigLoader.file(reader, ConfigKeys.X509_FINGERPRINTS, ""),
                reader.get(ConfigKeys.AUTH_THREADS),
                reader.get(ConfigKeys.AUTH_QUEUE),
                Duration.ofSeconds(1),
                guard,
                limits);
    }
}
