package io.petrel.platform.claim;

import static org.assertj.core.api.Assertions.assertThat;

import io.petrel.platform.testing.ManualTime;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Claim requests and windows (device-api.md §11). */
class ClaimRequestTest {

    private static ClaimRequest parse(String payload) {
        return ClaimRequest.parse(payload.getBytes(StandardCharsets.UTF_8)).value();
    }

    @Test
    void secretAndDurationAreOptional() {
        assertThat(parse("{\"secretKey\": \"abc\", \"durationMs\": 60000}")).isEqualTo(new ClaimRequest("abc", 60_000));
        assertThat(parse("{}")).isEqualTo(new ClaimRequest("", 0));
        assertThat(parse("")).isEqualTo(new ClaimRequest("", 0));
        assertThat(parse("{\"durationMs\": -5}")).isEqualTo(new ClaimRequest("", 0));
    }

    @Test
    void aPayloadThatIsNoObjectIsAProblem() {
        assertThat(ClaimRequest.parse("[1]".getBytes(StandardCharsets.UTF_8)).isOk()).isFalse();
        assertThat(ClaimRequest.parse("{\"secretKey\": 5}".getBytes(StandardCharsets.UTF_8)).isOk()).isFalse();
    }

    @Test
    void aWindowTakesTheRightSecretOnceBeforeItCloses() {
        ManualTime time = new ManualTime(1_000);
        ClaimService claims = new ClaimService(time);
        UUID device = UUID.randomUUID();
        claims.register(device, new ClaimRequest("s3cret", 60_000));
        assertThat(claims.claim(device, "wrong")).isEqualTo(ClaimService.ClaimOutcome.FAILURE);
        assertThat(claims.claim(device, "s3cret")).isEqualTo(ClaimService.ClaimOutcome.SUCCESS);
        assertThat(claims.claim(device, "s3cret")).isEqualTo(ClaimService.ClaimOutcome.FAILURE);

        claims.register(device, new ClaimRequest("again", 60_000));
        time.advance(60_000);
        assertThat(claims.claim(device, "again")).as("the window closed").isEqualTo(ClaimService.ClaimOutcome.FAILURE);

        claims.register(device, new ClaimRequest("", 0));
        assertThat(claims.openClaim(device).orElseThrow().expiresAtMillis())
                .isEqualTo(time.millis() + ClaimService.DEFAULT_DURATION_MS);
    }
}
