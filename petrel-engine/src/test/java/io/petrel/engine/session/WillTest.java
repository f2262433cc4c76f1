package io.petrel.engine.session;

import static io.petrel.engine.testing.EngineHarness.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.petrel.api.Message;
import io.petrel.api.QoS;
import io.petrel.engine.testing.EngineHarness;
import io.petrel.engine.testing.TestConnection;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WillTest {
    private final EngineHarness broker = new EngineHarness();
    private TestConnection watcher;

    @BeforeEach
    void watchWills() {
        watcher = broker.connectClean("watcher");
        watcher.subscribe("will/#", QoS.EXACTLY_ONCE);
    }

    @Test
    void aConnectionThatBreaksPublishesItsWill() {
        // [MQTT-3.1.2-8] the will is published once the connection closes without DISCONNECT 0x00.
        TestConnection client = broker.connection().connect(request("c", true, 0, will(0, false)));
        client.drop();

        assertThat(watcher.payloads()).containsExactly("gone");
        assertThat(watcher.last().qos()).isEqualTo(QoS.AT_LEAST_ONCE);
    }

    @Test
    void aNormalDisconnectDiscardsTheWill() {
        // [MQTT-3.14.4-3] DISCONNECT with 0x00 discards the will; [MQTT-3.1.2-10] it is never published later.
        TestConnection client = broker.connection().connect(request("c", true, 60, will(10, false)));
        client.disconnect();
        broker.advance(Duration.ofSeconds(120));

        assertThat(watcher.sent()).isEmpty();
    }

    @Test
    void disconnectWithWillMessagePublishesIt() {
        // MQTT 5 reason 0x04 "disconnect with will message".
        TestConnection client = broker.connection().connect(request("c", true, 0, will(0, false)));
        client.disconnectWithWill();

        assertThat(watcher.payloads()).containsExactly("gone");
    }

    @Test
    void aRetainedWillIsStoredAsRetained() {
        // [MQTT-3.1.2-15] will retain 1 publishes the will as a retained message.
        TestConnection client = broker.connection().connect(request("c", true, 0, will(0, true)));
        client.drop();

        assertThat(broker.engine().retained().get("will/c")).isNotNull();
    }

    @Test
    void theWillWaitsForItsDelay() {
        // MQTT 5 §3.1.3.2.2: the will is published once the will delay interval has passed.
        TestConnection client = broker.connection().connect(request("c", true, 300, will(10, false)));
        client.drop();

        broker.advance(Duration.ofSeconds(9));
        assertThat(watcher.sent()).isEmpty();
        broker.advance(Duration.ofSeconds(1));
        assertThat(watcher.payloads()).containsExactly("gone");
        broker.advance(Duration.ofSeconds(600));
        assertThat(watcher.payloads()).as("published once").containsExactly("gone");
    }

    @Test
    void reconnectingWithinTheWillDelayCancelsTheWill() {
        // [MQTT-3.1.3-9] a new connection before the will delay has passed means no will.
        TestConnection client = broker.connection().connect(request("c", true, 300, will(10, false)));
        client.drop();
        broker.advance(Duration.ofSeconds(5));

        broker.connection().connect(request("c", false, 300, null));
        broker.advance(Duration.ofSeconds(60));

        assertThat(watcher.sent()).isEmpty();
    }

    @Test
    void theSessionEndingBeforeTheDelayPublishesTheWillAtOnce() {
        // [MQTT-3.1.2-8] published when the delay has passed or the session ends, whichever comes first.
        TestConnection client = broker.connection().connect(request("c", true, 5, will(60, false)));
        client.drop();

        broker.advance(Duration.ofSeconds(5));
        assertThat(watcher.payloads()).containsExactly("gone");
    }

    @Test
    void aSessionThatEndsWithTheConnectionIgnoresTheDelay() {
        TestConnection client = broker.connection().connect(request("c", true, 0, will(60, false)));
        client.drop();

        assertThat(watcher.payloads()).containsExactly("gone");
    }

    @Test
    void reconnectingWithCleanStartWithinTheDelayEndsTheSessionAndPublishesTheWill() {
        TestConnection client = broker.connection().connect(request("c", true, 300, will(60, false)));
        client.drop();

        broker.connection().connect(request("c", true, 300, null));

        assertThat(watcher.payloads()).containsExactly("gone");
        broker.advance(Duration.ofSeconds(120));
        assertThat(watcher.payloads()).containsExactly("gone");
    }

    @Test
    void aTakeoverPublishesTheOldConnectionsWillWhenItHasNoDelay() {
        // [MQTT-3.1.4-3] the old connection is closed; its will is published as for any close (§3.1.2.5).
        broker.connection().connect(request("c", false, 300, will(0, false)));
        broker.connection().connect(request("c", false, 300, null));

        assertThat(watcher.payloads()).containsExactly("gone");
    }

    @Test
    void aTakeoverThatResumesTheSessionWithinTheDelaySendsNoWill() {
        // [MQTT-3.1.3-9] the new connection arrives before the delay has passed.
        broker.connection().connect(request("c", false, 300, will(30, false)));
        broker.connection().connect(request("c", false, 300, null));
        broker.advance(Duration.ofSeconds(60));

        assertThat(watcher.sent()).isEmpty();
    }

    @Test
    void aTakeoverWithCleanStartPublishesTheWillDespiteItsDelay() {
        // Clean Start ends the old session, and a session end publishes the will.
        broker.connection().connect(request("c", false, 300, will(30, false)));
        broker.connection().connect(request("c", true, 300, null));

        assertThat(watcher.payloads()).containsExactly("gone");
    }

    @Test
    void aTakeoverOfASessionThatEndsWithItsConnectionPublishesTheWillDespiteItsDelay() {
        // §3.1.2.5: the will goes out when its delay passes or the session ends, whichever is first; a session
        // with expiry 0 ends when the takeover closes its connection, even if the new connection resumes.
        broker.connection().connect(request("c", false, 0, will(30, false)));
        broker.connection().connect(request("c", false, 300, null));

        assertThat(watcher.payloads()).containsExactly("gone");
    }

    @Test
    void theWillOfTheNewConnectionReplacesTheOld() {
        broker.connection().connect(request("c", false, 300, will(0, false)));
        TestConnection second = broker.connection().connect(request("c", false, 300,
                new Will(Message.of("will/c", EngineHarness.bytes("second"), QoS.AT_MOST_ONCE, false), 0, -1)));
        watcher.clear();

        second.drop();
        assertThat(watcher.payloads()).containsExactly("second");
    }

    @Test
    void aWillExpiryCountsFromPublication() {
        TestConnection client = broker.connection().connect(request("c", true, 300,
                new Will(Message.of("will/c", EngineHarness.bytes("gone"), QoS.AT_LEAST_ONCE, false), 10, 30)));
        client.drop();
        broker.advance(Duration.ofSeconds(10));

        Message published = watcher.last().message();
        assertThat(published.expiresAtMillis()).isEqualTo(broker.loops().millis() + 30_000);
    }

    private static Will will(long delaySeconds, boolean retain) {
        return new Will(Message.of("will/c", EngineHarness.bytes("gone"), QoS.AT_LEAST_ONCE, retain), delaySeconds, -1);
    }
}
