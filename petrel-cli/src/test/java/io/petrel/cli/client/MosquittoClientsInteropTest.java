package io.petrel.cli.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.petrel.cli.InProcessCli;
import io.petrel.cli.InProcessCli.Result;
import io.petrel.testkit.EmbeddedPetrel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code petrel pub}/{@code sub} and Debian's {@code mosquitto_pub}/{@code mosquitto_sub} understand each other. */
class MosquittoClientsInteropTest {
    private static EmbeddedPetrel petrel;

    @BeforeAll
    static void start() {
        petrel = EmbeddedPetrel.start();
    }

    @AfterAll
    static void stop() {
        petrel.close();
    }

    private static String port() {
        return Integer.toString(petrel.port());
    }

    @Test
    void mosquittoSubPrintsWhatPetrelPubSends() throws Exception {
        int before = petrel.engine().subscriptions().size();
        Process sub = new ProcessBuilder("mosquitto_sub", "-h", "127.0.0.1", "-p", port(), "-t", "interop/m", "-C", "1",
                "-v", "-V", "5", "-F", "%t %p %C", "-q", "1").redirectErrorStream(true).start();
        await().atMost(Duration.ofSeconds(20)).until(() -> petrel.engine().subscriptions().size() > before);

        Result pub = InProcessCli.run("pub", "-h", "127.0.0.1", "-p", port(), "-t", "interop/m", "-m", "from petrel", "-q", "1",
                "--content-type", "text/plain");

        assertThat(pub.exitCode()).isZero();
        assertThat(sub.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(sub.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim())
                .isEqualTo("interop/m from petrel text/plain");
        assertThat(sub.exitValue()).isZero();
    }

    @Test
    void petrelSubPrintsWhatMosquittoPubSends() throws Exception {
        int before = petrel.engine().subscriptions().size();
        CompletableFuture<Result> sub = InProcessCli.start("sub", "-h", "127.0.0.1", "-p", port(), "-t", "interop/p", "-C", "1",
                "-F", "%t|%p|%q|%P", "-q", "2");
        await().atMost(Duration.ofSeconds(20)).until(() -> sub.isDone() || petrel.engine().subscriptions().size() > before);

        Process pub = new ProcessBuilder("mosquitto_pub", "-h", "127.0.0.1", "-p", port(), "-t", "interop/p", "-m",
                "from mosquitto", "-q", "2", "-V", "5", "-D", "publish", "user-property", "origin", "mosquitto")
                .redirectErrorStream(true).start();

        assertThat(pub.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(pub.exitValue()).isZero();
        Result received = sub.get(30, TimeUnit.SECONDS);
        assertThat(received.exitCode()).isZero();
        assertThat(received.out()).isEqualTo("interop/p|from mosquitto|2|origin:mosquitto" + System.lineSeparator());
    }
}
