package io.petrel.security.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Password files as Debian's real {@code mosquitto_passwd} writes them, and as Petrel writes them for Mosquitto. */
class PasswordFileTest {
    @TempDir
    Path dir;

    @Test
    void readsPbkdf2HashesWrittenByMosquittoPasswd() throws Exception {
        Path file = dir.resolve("passwd");
        mosquittoPasswd("-c", "-b", file.toString(), "alice", "s3cret");
        mosquittoPasswd("-b", file.toString(), "bob", "pässwörd with spaces");

        PasswordFile passwords = PasswordFile.read(file);

        assertThat(passwords.users()).containsExactly("alice", "bob");
        assertThat(passwords.problems()).isEmpty();
        assertThat(Files.readString(file)).contains("alice:$7$");
        assertThat(passwords.get("alice").matches(bytes("s3cret"))).isTrue();
        assertThat(passwords.get("alice").matches(bytes("s3cret "))).isFalse();
        assertThat(passwords.get("bob").matches(bytes("pässwörd with spaces"))).isTrue();
        assertThat(passwords.get("bob").matches(bytes("s3cret"))).isFalse();
    }

    @Test
    void readsSha512HashesWrittenByMosquittoPasswd() throws Exception {
        Path file = dir.resolve("passwd");
        mosquittoPasswd("-H", "sha512", "-c", "-b", file.toString(), "carol", "hunter2");

        PasswordHash hash = PasswordFile.read(file).get("carol");

        assertThat(hash.iterations()).isZero();
        assertThat(hash.matches(bytes("hunter2"))).isTrue();
        assertThat(hash.matches(bytes("hunter3"))).isFalse();
    }

    @Test
    void mosquittoAcceptsWhatPetrelWrites() throws Exception {
        Path file = dir.resolve("passwd");
        PasswordFile passwords = PasswordFile.empty();
        passwords.put("dave", PasswordHash.create("open sesame", PasswordHash.DEFAULT_ITERATIONS));
        passwords.write(file);
        // mosquitto_passwd rewrites every line it can parse; deleting another user keeps dave's intact.
        mosquittoPasswd("-b", file.toString(), "erin", "x");
        mosquittoPasswd("-D", file.toString(), "erin");

        PasswordFile reread = PasswordFile.read(file);
        assertThat(reread.users()).containsExactly("dave");
        assertThat(reread.get("dave").matches(bytes("open sesame"))).isTrue();
        assertThat(Files.getPosixFilePermissions(file)).hasSize(2);
    }

    @Test
    void reportsLinesItCannotUseAndSkipsComments() {
        PasswordFile passwords = PasswordFile.parse("""
                # users
                plain:not-hashed
                nocolon

                ok:$6$LVSbBqZvlkMrcOiz$P0YYL7krnkBIRYYat0fCmMc/tJOJuljfSJZPegRrmjhG2TbaT3WLBQTTltsjxNsIfkxl3ns/4WuUQPfejyiP4g==
                """);

        assertThat(passwords.users()).containsExactly("ok");
        assertThat(passwords.problems()).hasSize(2).anySatisfy(p -> assertThat(p).contains("plain"));
        assertThat(passwords.get("ok").matches(bytes("hunter2"))).isTrue();
        assertThat(passwords.get("plain")).isNull();
    }

    @Test
    void rejectsMalformedHashesAndNames() {
        assertThatThrownBy(() -> PasswordHash.parse("$7$x$abc$def")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PasswordHash.parse("$7$0$abcd$abcd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PasswordHash.parse("$5$abcd$abcd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PasswordFile.requireValidUser("a:b")).isInstanceOf(IllegalArgumentException.class);
        assertThat(PasswordHash.create("x", 10).matches(new byte[0])).isFalse();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void mosquittoPasswd(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = "mosquitto_passwd";
        System.arraycopy(args, 0, command, 1, args.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(new String(process.getInputStream().readAllBytes())).isZero();
    }
}
