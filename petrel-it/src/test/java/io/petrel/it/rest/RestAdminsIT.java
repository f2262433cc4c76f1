package io.petrel.it.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.petrel.security.SecurityConfig;
import io.petrel.security.password.PasswordFile;
import io.petrel.security.password.PasswordHash;
import io.petrel.server.rest.resources.RestWiring;
import io.petrel.testkit.EmbeddedPetrel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where admins come from: the password file, a hashed password in the configuration, or a generated one. */
class RestAdminsIT {
    @TempDir
    Path dir;

    @Test
    void passwordFileAdminsActInTheirOrganizationOrEverywhereWhenOperators() throws Exception {
        PasswordFile users = PasswordFile.empty();
        for (String user : List.of("alice", "root", "carol")) {
            users.put(user, PasswordHash.create(user + "-pw", 10));
        }
        Path passwd = dir.resolve("passwd");
        users.write(passwd);
        SecurityConfig defaults = SecurityConfig.defaults();
        SecurityConfig security = new SecurityConfig(passwd, null, Set.of("root"), Map.of("acme", List.of("alice")),
                true, null, null, null, 2, 100, defaults.reloadInterval(), defaults.guard(), defaults.limits());
        try (EmbeddedPetrel petrel = EmbeddedPetrel.withConfig(config -> config.withSecurity(security)
                .withHttp(config.http().withApi(config.http().api().withAdmins(List.of("alice", "root")))))) {
            RestClient anonymous = RestClient.anonymous(petrel.httpUrl());
            RestClient root = anonymous.login("root", "root-pw");
            assertThat(root.post("/api/v1/organizations", "{\"id\":\"acme\"}").status()).isEqualTo(201);
            assertThat(root.get("/api/v1/auth/me").json().has("organization")).isFalse();

            RestClient alice = anonymous.login("alice", "alice-pw");
            assertThat(alice.get("/api/v1/auth/me").json().get("organization").asText()).isEqualTo("acme");
            assertThat(alice.get("/api/v1/organizations").json()).extracting(org -> org.get("id").asText())
                    .containsExactly("acme");
            assertThat(alice.get("/api/v1/organizations/default").status()).isEqualTo(403);

            assertThat(anonymous.withBasic("carol", "carol-pw").get("/api/v1/auth/me").status())
                    .as("a password-file user who is no admin").isEqualTo(401);
            assertThat(anonymous.withBasic("admin", "anything").get("/api/v1/auth/me").status())
                    .as("no generated admin when admins are configured").isEqualTo(401);
            assertThat(Files.exists(petrel.server().config().dataDir().resolve(RestWiring.ADMIN_PASSWORD_FILE)))
                    .isFalse();
        }
    }

    @Test
    void theConfiguredAdminPasswordMayBeAMosquittoHash() {
        String hash = PasswordHash.create("hashed secret", 100).format();
        try (EmbeddedPetrel petrel = EmbeddedPetrel.withConfig(config -> config.withHttp(
                config.http().withApi(config.http().api().withAdmin("ops", hash))))) {
            RestClient anonymous = RestClient.anonymous(petrel.httpUrl());
            assertThat(anonymous.withBasic("ops", "hashed secret").get("/api/v1/auth/me").status()).isEqualTo(200);
            assertThat(anonymous.withBasic("ops", hash).get("/api/v1/auth/me").status())
                    .as("the hash is no password").isEqualTo(401);
        }
    }

    @Test
    void withoutConfiguredAdminsAPasswordIsGeneratedOnceInTheDataDirectory() throws Exception {
        Path data = dir.resolve("data");
        String password;
        try (EmbeddedPetrel petrel = EmbeddedPetrel.withConfig(config -> config.withDataDir(data))) {
            Path file = data.resolve(RestWiring.ADMIN_PASSWORD_FILE);
            password = Files.readString(file, StandardCharsets.UTF_8).strip();
            assertThat(password).hasSize(40);
            assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE);
            RestClient.anonymous(petrel.httpUrl()).login("admin", password);
        }
        try (EmbeddedPetrel again = EmbeddedPetrel.withConfig(config -> config.withDataDir(data))) {
            assertThat(RestClient.anonymous(again.httpUrl()).withBasic("admin", password).get("/api/v1/auth/me")
                    .status()).as("the same password after a restart").isEqualTo(200);
        }
    }
}
