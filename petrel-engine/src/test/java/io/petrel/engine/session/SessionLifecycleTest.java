package io.petrel.engine.session;

import static io.petrel.engine.testing.EngineHarness.message;
import static io.petrel.engine.testing.EngineHarness.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.petrel.api.QoS;
import io.petrel.engine.metrics.DropReason;
import io.petrel.engine.testing.EngineHarness;
import io.petrel.engine.testing.TestConnection;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SessionLifecycleTest {
    private final EngineHarness broker = new EngineHarness();

    @Test
    void aSecondConnectionTakesTheSessionOverAndClosesTheFirst() {
        // [MQTT-3.1.4-3] the existing connection is closed, with "session taken over".
        TestConnection first = broker.connectPersistent("c");
        first.subscribe("t", QoS.AT_LEAST_ONCE);

        TestConnection second = broker.connection().connect(request("c", false, 60, null));

        assertThat(first.closes()).containsExactly(DisconnectCause.SESSION_TAKEN_OVER);
        assertThat(second.sessionPresent()).isTrue();
        assertThat(second.session()).isSameAs(first.session());
        assertThat(broker.metrics().clientsConnected()).isEqualTo(1);

        broker.publish(message("t", "after", QoS.AT_LEAST_ONCE));
        assertThat(first.sent()).isEmpty();
        assertThat(second.payloads()).containsExactly("after");
    }

    @Test
    void theTakenOverConnectionCanNoLongerActOnTheSession() {
        TestConnection first = broker.connectPersistent("c");
        TestConnection second = broker.connectPersistent("c");

        first.onLoop(() -> assertThat(first.session().isCurrent(first)).isFalse());
        second.onLoop(() -> assertThat(second.session().isCurrent(second)).isTrue());
        first.drop();
        assertThat(second.session().isOnline()).isTrue();
        assertThat(broker.metrics().clientsConnected()).isEqualTo(1);
    }

    @Test
    void cleanStartDiscardsTheSessionAndReportsNoSession() {
        // [MQTT-3.1.2-4] Clean Start discards any existing session; [MQTT-3.2.2-2] session present is then 0.
        TestConnection first = broker.connectPersistent("c");
        first.subscribe("t", QoS.AT_LEAST_ONCE);
        first.drop();

        TestConnection second = broker.connection().connect(request("c", true, 60, null));

        assertThat(second.sessionPresent()).isFalse();
        assertThat(second.session().subscriptionCount()).isZero();
        broker.publish(message("t", "lost", QoS.AT_LEAST_ONCE));
        assertThat(second.sent()).isEmpty();
    }

    @Test
    void sessionPresentOnlyWhenAnExistingSessionIsResumed() {
        // [MQTT-3.2.2-3] Clean Start 0: session present 1 if the server has a session, 0 if it creates one;
        // [MQTT-3.1.2-6] a new session is created when there is none.
        TestConnection first = broker.connectPersistent("c");
        assertThat(first.sessionPresent()).isFalse();
        first.drop();

        TestConnection second = broker.connectPersistent("c");
        assertThat(second.sessionPresent()).isTrue();
    }

    @Test
    void aSessionWithExpiryZeroEndsWithItsConnection() {
        TestConnection first = broker.connectClean("c");
        first.subscribe("t", QoS.AT_LEAST_ONCE);
        first.disconnect();

        assertThat(broker.engine().sessions().get("c")).isNull();
        assertThat(broker.engine().subscriptions().size()).isZero();
        TestConnection second = broker.connection().connect(request("c", false, 60, null));
        assertThat(second.sessionPresent()).isFalse();
    }

    @Test
    void takingOverASessionThatEndsWithItsConnectionStartsAFreshOne() {
        // MQTT 3.1.1 [MQTT-3.1.2-6] clean session 1, MQTT 5 [MQTT-3.1.2-23] expiry 0: the session lasts as long as
        // its connection, so closing that connection for a takeover ends it, and the new connection finds no
        // session to resume [MQTT-3.2.2-3].
        TestConnection first = broker.connectClean("c");
        first.subscribe("t", QoS.AT_LEAST_ONCE);

        TestConnection second = broker.connectPersistent("c");

        assertThat(first.closes()).containsExactly(DisconnectCause.SESSION_TAKEN_OVER);
        assertThat(second.sessionPresent()).isFalse();
        assertThat(second.session().subscriptionCount()).isZero();
        assertThat(broker.engine().subscriptions().size()).isZero();
        broker.publish(message("t", "not subscribed", QoS.AT_LEAST_ONCE));
        assertThat(second.sent()).isEmpty();
    }

    @Test
    void aSessionOutlivesItsConnectionUntilTheExpiryIntervalPasses() {
        // [MQTT-3.1.2-23] the session is kept after the connection closes while the expiry interval runs;
        // [MQTT-4.1.0-2] it is discarded once the interval has passed.
        TestConnection first = broker.connection().connect(request("c", true, 60, null));
        first.subscribe("t", QoS.AT_LEAST_ONCE);
        first.drop();

        broker.advance(Duration.ofSeconds(59));
        assertThat(broker.engine().sessions().get("c")).isNotNull();
        broker.publish(message("t", "kept", QoS.AT_LEAST_ONCE));

        broker.advance(Duration.ofSeconds(1));
        assertThat(broker.engine().sessions().get("c")).isNull();
        assertThat(broker.engine().subscriptions().size()).isZero();
        assertThat(broker.metrics().droppedCount(DropReason.SESSION_ENDED)).isEqualTo(1);
        assertThat(broker.metrics().sessionsExpired()).isEqualTo(1);

        TestConnection second = broker.connection().connect(request("c", false, 60, null));
        assertThat(second.sessionPresent()).isFalse();
        assertThat(second.sent()).isEmpty();
    }

    @Test
    void reconnectingBeforeExpiryKeepsTheSessionAndCancelsTheTimer() {
        TestConnection first = broker.connection().connect(request("c", true, 60, null));
        first.subscribe("t", QoS.AT_LEAST_ONCE);
        first.drop();
        broker.advance(Duration.ofSeconds(30));

        TestConnection second = broker.connection().connect(request("c", false, 60, null));
        broker.advance(Duration.ofSeconds(45));

        assertThat(second.sessionPresent()).isTrue();
        assertThat(broker.engine().sessions().get("c")).isSameAs(second.session());
        broker.publish(message("t", "still", QoS.AT_LEAST_ONCE));
        assertThat(second.payloads()).containsExactly("still");
    }

    @Test
    void theExpiryIntervalOfTheLatestConnectionOrDisconnectApplies() {
        TestConnection first = broker.connection().connect(request("c", true, 3600, null));
        first.onLoop(() -> first.session().detach(first, false, 5));

        broker.advance(Duration.ofSeconds(5));
        assertThat(broker.engine().sessions().get("c")).isNull();
    }

    @Test
    void aSessionThatNeverExpiresSchedulesNothing() {
        TestConnection first = broker.connectPersistent("c");
        first.drop();

        assertThat(broker.loops().scheduledCount()).isZero();
        broker.advance(Duration.ofDays(400));
        assertThat(broker.engine().sessions().get("c")).isNotNull();
    }

    @Test
    void theSessionMovesToTheLoopOfItsNewConnection() {
        TestConnection first = broker.connectPersistent("c");
        TestConnection second = broker.connectPersistent("c");
        assertThat(second.loop()).isNotSameAs(first.loop());

        second.subscribe("t", QoS.AT_LEAST_ONCE);
        broker.publish(message("t", "x", QoS.AT_LEAST_ONCE));

        // TestConnection asserts that every send happens on its own loop.
        assertThat(second.payloads()).containsExactly("x");
    }

    @Test
    void connectedAndTotalCountsFollowConnectionsAndSessions() {
        TestConnection a = broker.connectPersistent("a");
        broker.connectClean("b");
        assertThat(broker.metrics().clientsConnected()).isEqualTo(2);
        a.drop();
        assertThat(broker.metrics().clientsConnected()).isEqualTo(1);
        assertThat(broker.engine().sessions().size()).isEqualTo(2);
        assertThat(broker.metrics().clientsMaximum()).isEqualTo(2);
    }

    @Test
    void shutdownClosesEveryConnectionWithServerShuttingDown() {
        TestConnection a = broker.connectPersistent("a");
        TestConnection b = broker.connectClean("b");
        TestConnection offline = broker.connectPersistent("offline");
        offline.drop();

        broker.engine().shutdown();
        broker.loops().runPending();

        assertThat(a.closes()).containsExactly(DisconnectCause.SERVER_SHUTTING_DOWN);
        assertThat(b.closes()).containsExactly(DisconnectCause.SERVER_SHUTTING_DOWN);
        assertThat(broker.metrics().clientsConnected()).isZero();
    }
}
