package io.petrel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.petrel.security.password.PasswordFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswdCommandTest {
    @TempDir
    Path dir;

    @Test
    void createsUpdatesAndDeletesUsers() throws Exception {
        Path file = dir.resolve("passwd");
        assertThat(Cli.run("passwd", "-c", "-b", file.toString(), "alice", "first").exit()).isZero();
        assertThat(Cli.run("passwd", "-b", file.toString(), "bob", "bobs").exit()).isZero();
        assertThat(Cli.run("passwd", "-b", file.toString(), "alice", "second").exit()).isZero();

        PasswordFile passwords = PasswordFile.read(file);
        assertThat(passwords.users()).containsExactly("alice", "bob");
        assertThat(passwords.get("alice").matches("second".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(passwords.get("alice").matches("first".getBytes(StandardCharsets.UTF_8))).isFalse();

        assertThat(Cli.run("passwd", "-D", file.toString(), "bob").exit()).isZero();
        assertThat(PasswordFile.read(file).users()).containsExactly("alice");
    }

    @Test
    void mosquittoPasswdKeepsWhatPetrelWrote() throws Exception {
        Path file = dir.resolve("passwd");
        assertThat(Cli.run("passwd", "-c", "-b", file.toString(), "alice", "pw").exit()).isZero();
        Process process = new ProcessBuilder("mosquitto_passwd", "-b", file.toString(), "bob", "x")
                .redirectErrorStream(true).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();

        PasswordFile passwords = PasswordFile.read(file);
        assertThat(passwords.users()).containsExactly("alice", "bob");
        assertThat(passwords.get("alice").matches("pw".getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @Test
    void mistakesAreExplained() {
        Path missing = dir.resolve("missing");
        Cli noFile = Cli.run("passwd", "-b", missing.toString(), "alice", "pw");
        assertThat(noFile.exit()).isEqualTo(1);
        assertThat(noFile.err()).contains("does not exist");
        assertThat(Files.exists(missing)).isFalse();
        assertThat(Cli.run("passwd", "-c", "-b", missing.toString(), "a:b", "pw").err()).contains("':'");
        assertThat(Cli.run("passwd", "-c", "-b", missing.toString(), "alice").err()).contains("-b needs a password");
    }
}
