package io.petrel.security.password;

import static org.assertj.core.api.Assertions.assertThat;

import io.petrel.api.Principal;
import io.petrel.security.Security;
import io.petrel.security.SecurityConfig;
import io.petrel.security.TestClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Password-file users checked outside MQTT, as the REST API's admin login does. */
class PasswordCheckTest {
    @TempDir
    Path dir;

    private Security start(Path passwordFile) throws IOException {
        SecurityConfig defaults = SecurityConfig.defaults();
        SecurityConfig config = new SecurityConfig(passwordFile, null, Set.of("root"),
                Map.of("acme", List.of("alice")), defaults.tokens(), null, null, null, 1, 10,
                defaults.reloadInterval(), defaults.guard(), defaults.limits());
        return Security.start(config, dir, Set.of(), new TestClock());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aMatchingPasswordGivesTheUsersOrganizationAndOperatorRole() throws IOException {
        PasswordFile file = PasswordFile.empty();
        file.put("alice", PasswordHash.create("wonderland", 10));
        file.put("root", PasswordHash.create("toor", 10));
        Path path = dir.resolve("passwd");
        file.write(path);
        try (Security security = start(path)) {
            assertThat(security.checkPassword("alice", bytes("wonderland"))).contains(new Principal("alice", "acme"));
            assertThat(security.checkPassword("root", bytes("toor")).orElseThrow().operator()).isTrue();
            assertThat(security.checkPassword("alice", bytes("wrong"))).isEmpty();
            assertThat(security.checkPassword("nobody", bytes("wonderland"))).isEmpty();
            assertThat(security.checkPassword("alice", new byte[0])).isEmpty();
        }
    }

    @Test
    void withoutAPasswordFileNobodyLogsIn() throws IOException {
        Files.createDirectories(dir);
        try (Security security = start(null)) {
            assertThat(security.checkPassword("alice", bytes("wonderland"))).isEmpty();
        }
    }
}
