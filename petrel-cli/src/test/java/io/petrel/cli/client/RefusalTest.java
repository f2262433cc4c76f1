package io.petrel.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.petrel.api.ClientInfo;
import io.petrel.api.Principal;
import io.petrel.api.auth.AuthResult;
import io.petrel.api.auth.Authorizer;
import io.petrel.cli.InProcessCli;
import io.petrel.cli.InProcessCli.Result;
import io.petrel.testkit.EmbeddedPetrel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a user sees when the broker says no: the reason in words with its code, and the exit code. */
class RefusalTest {
    private static EmbeddedPetrel petrel;

    @BeforeAll
    static void start() {
        petrel = EmbeddedPetrel.start(builder -> builder
                .authenticator(attempt -> CompletableFuture.completedFuture(
                        "alice".equals(attempt.username()) && attempt.password() != null
                                && Arrays.equals(attempt.password(), "secret".getBytes(StandardCharsets.UTF_8))
                                ? AuthResult.accept(Principal.ANONYMOUS)
                                : AuthResult.refuse(AuthResult.Refusal.NOT_AUTHORIZED, "unknown user")))
                .authorizer(new Authorizer() {
                    @Override
                    public boolean mayPublish(ClientInfo client, String topic) {
                        return !topic.startsWith("forbidden/");
                    }

                    @Override
                    public boolean maySubscribe(ClientInfo client, String filter) {
                        return !filter.startsWith("forbidden/");
                    }
                }));
    }

    @AfterAll
    static void stop() {
        petrel.close();
    }

    private static String[] args(String... args) {
        return PubSubCommandTest.concat(args, new String[] {"-h", "127.0.0.1", "-p", Integer.toString(petrel.port())});
    }

    @Test
    void aRefusedMqtt5ConnectionPrintsTheReasonInWordsAndExitsWith4() {
        Result pub = InProcessCli.run(args("pub", "-t", "a", "-m", "b", "-u", "mallory", "-P", "guess"));

        assertThat(pub.exitCode()).isEqualTo(ExitCodes.CONNECTION_REFUSED);
        assertThat(pub.err()).startsWith("petrel pub: connection refused: not authorized (0x87)")
                .doesNotContain("Exception");
        assertThat(pub.out()).isEmpty();
    }

    @Test
    void aRefusedMqtt311ConnectionShowsTheVersion3ReturnCode() {
        Result sub = InProcessCli.run(args("sub", "-t", "a", "-V", "311"));

        assertThat(sub.exitCode()).isEqualTo(ExitCodes.CONNECTION_REFUSED);
        assertThat(sub.err()).isEqualTo("petrel sub: connection refused: not authorized (0x05)" + System.lineSeparator());
    }

    @Test
    void aRefusedPublishExitsWith5WithThePubAckReason() {
        Result pub = InProcessCli.run(args("pub", "-t", "forbidden/x", "-m", "b", "-q", "1", "-u", "alice", "-P", "secret"));
        Result allowed = InProcessCli.run(args("pub", "-t", "fine/x", "-m", "b", "-q", "1", "-u", "alice", "-P", "secret"));

        assertThat(pub.exitCode()).isEqualTo(ExitCodes.REJECTED);
        assertThat(pub.err()).startsWith("petrel pub: publish to 'forbidden/x' refused: not authorized (0x87)");
        assertThat(allowed.exitCode()).isZero();
    }

    @Test
    void aRefusedSubscriptionExitsWith5WithTheSubAckReason() {
        Result sub = InProcessCli.run(args("sub", "-t", "forbidden/#", "-u", "alice", "-P", "secret"));

        assertThat(sub.exitCode()).isEqualTo(ExitCodes.REJECTED);
        assertThat(sub.err()).startsWith("petrel sub: subscription to 'forbidden/#' refused: not authorized (0x87)");
    }
}
