package io.petrel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.petrel.security.token.OrgToken;
import io.petrel.security.token.Revocations;
import io.petrel.security.token.TokenCodec;
import io.petrel.security.token.TokenKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCommandTest {
    @TempDir
    Path dataDir;

    @Test
    void createInspectRevoke() throws Exception {
        Cli created = Cli.run("token", "create", "--data-dir", dataDir.toString(), "--org", "acme",
                "--sub", "device/+/telemetry/#", "--sub", "device/+/status", "--ttl", "30d");
        assertThat(created.exit()).as(created.err()).isZero();
        String compact = created.out().strip();
        assertThat(compact).doesNotContain("\n");

        // The key was generated in the data directory, where the server finds it.
        OrgToken token = new TokenCodec(TokenKey.load(dataDir.resolve(TokenKey.DEFAULT_FILE))).verify(compact);
        assertThat(token.organization()).isEqualTo("acme");
        assertThat(token.scope().subscribe()).containsExactly("device/+/telemetry/#", "device/+/status");
        assertThat(token.scope().publish()).isEmpty();
        assertThat(Duration.between(token.issuedAt(), token.expiresAt())).isEqualTo(Duration.ofDays(30));

        Cli inspected = Cli.run("token", "inspect", "--data-dir", dataDir.toString(), compact);
        assertThat(inspected.exit()).isZero();
        assertThat(inspected.out()).contains("organization: acme").contains("status:       valid")
                .contains(token.id());

        Cli revoked = Cli.run("token", "revoke", "--data-dir", dataDir.toString(), compact);
        assertThat(revoked.exit()).isZero();
        assertThat(Revocations.read(dataDir.resolve(Revocations.DEFAULT_FILE)).isRevoked(token.id())).isTrue();
        assertThat(Cli.run("token", "inspect", "--data-dir", dataDir.toString(), compact).out())
                .contains("status:       revoked");
    }

    @Test
    void badInputIsRefusedWithAReason() {
        Cli badOrg = Cli.run("token", "create", "--data-dir", dataDir.toString(), "--org", "Not/Valid", "--sub", "#");
        assertThat(badOrg.exit()).isEqualTo(2);
        assertThat(badOrg.err()).contains("invalid organization name");
        Cli badFilter = Cli.run("token", "create", "--data-dir", dataDir.toString(), "--org", "acme", "--sub", "a/#/b");
        assertThat(badFilter.err()).contains("invalid topic filter");
        assertThat(Cli.run("token", "create", "--data-dir", dataDir.toString(), "--org", "acme", "--ttl", "soon")
                .err()).contains("--ttl");
        assertThat(Files.exists(dataDir.resolve(TokenKey.DEFAULT_FILE))).isFalse();
        assertThat(Cli.run("token", "inspect", "garbage").exit()).isEqualTo(1);
    }
}
