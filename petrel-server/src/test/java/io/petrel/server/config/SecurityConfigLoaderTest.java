package io.petrel.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.petrel.api.limit.ClientLimits;
import io.petrel.security.SecurityConfig;
import io.petrel.security.cert.CertificateAuthenticator;
import io.petrel.server.ServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecurityConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void authOrganizationsLimitsAndHttpAreRead() throws IOException {
        Path passwd = Files.writeString(dir.resolve("passwd"), "");
        Path acl = Files.writeString(dir.resolve("acl"), "");
        Path file = Files.writeString(dir.resolve("petrel.yml"), """
                auth:
                  password-file: %s
                  acl-file: %s
                  operators: [root]
                  x509:
                    identity: cn
                organizations:
                  acme:
                    users: [ann, al]
                limits:
                  max-connections-per-user: 3
                  publish-rate: 100
                  publish-bytes-rate: 64KiB
                  publish-rate-action: disconnect
                  login-backoff: 2s
                http:
                  port: 9090
                """.formatted(passwd, acl));

        ServerConfig config = ConfigLoader.load(file, Map.of("PETREL_LIMITS_MAX_SUBSCRIPTIONS", "50"), Map.of());
        SecurityConfig security = config.security();

        assertThat(security.passwordFile()).isEqualTo(passwd);
        assertThat(security.aclFile()).isEqualTo(acl);
        assertThat(security.operators()).containsExactly("root");
        assertThat(security.organizations()).containsEntry("acme", List.of("ann", "al"));
        assertThat(security.certificateIdentity()).isEqualTo(CertificateAuthenticator.Identity.CN);
        assertThat(security.limits().maxConnectionsPerUser()).isEqualTo(3);
        assertThat(security.limits().publishMessagesPerSecond()).isEqualTo(100);
        assertThat(security.limits().publishBytesPerSecond()).isEqualTo(65_536);
        assertThat(security.limits().quotaAction()).isEqualTo(ClientLimits.QuotaAction.DISCONNECT);
        assertThat(security.limits().maxSubscriptions()).isEqualTo(50);
        assertThat(security.guard().initialBackoff()).isEqualTo(Duration.ofSeconds(2));
        assertThat(security.guard().connectsPerSecond()).isEqualTo(20);
        assertThat(config.http().port()).isEqualTo(9090);
        assertThat(config.http().host()).isEqualTo("127.0.0.1");
    }

    @Test
    void mistakesNameTheKey() throws IOException {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("auth.password-file", "/no/such/file")))
                .hasMessageContaining("auth.password-file").hasMessageContaining("a readable file");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("organizations.Bad/Name.users", "x")))
                .isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("limits.publish-rate-action", "ignore")))
                .hasMessageContaining("limits.publish-rate-action");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("limits.publish-rat", "5")))
                .hasMessageContaining("unknown configuration key limits.publish-rat");
    }
}
