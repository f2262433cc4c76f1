package io.petrel.engine.routing;

import static io.petrel.engine.testing.EngineHarness.message;
import static io.petrel.engine.testing.EngineHarness.retained;
import static org.assertj.core.api.Assertions.assertThat;

import io.petrel.api.QoS;
import io.petrel.engine.metrics.DropReason;
import io.petrel.engine.testing.EngineHarness;
import io.petrel.engine.testing.TestConnection;
import io.petrel.engine.testing.TestConnection.Sent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SharedSubscriptionTest {
    private final EngineHarness broker = new EngineHarness();

    @Test
    void eachMessageGoesToOneMemberOfTheGroup() {
        TestConnection a = broker.connectPersistent("a");
        TestConnection b = broker.connectPersistent("b");
        TestConnection plain = broker.connectPersistent("plain");
        a.subscribe("$share/g/jobs/+", QoS.AT_LEAST_ONCE);
        b.subscribe("$share/g/jobs/+", QoS.AT_LEAST_ONCE);
        plain.subscribe("jobs/#", QoS.AT_LEAST_ONCE);

        for (int i = 0; i < 10; i++) {
            broker.publish(message("jobs/x", Integer.toString(i), QoS.AT_LEAST_ONCE));
        }

        List<String> shared = new ArrayList<>(a.payloads());
        shared.addAll(b.payloads());
        assertThat(shared).containsExactlyInAnyOrder("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(a.payloads()).as("round robin spreads the load").isNotEmpty();
        assertThat(b.payloads()).isNotEmpty();
        assertThat(plain.payloads()).hasSize(10);
    }

    @Test
    void everyGroupGetsItsOwnCopy() {
        TestConnection a = broker.connectPersistent("a");
        TestConnection b = broker.connectPersistent("b");
        a.subscribe("$share/g/t", QoS.AT_MOST_ONCE);
        b.subscribe("$share/h/t", QoS.AT_MOST_ONCE);

        broker.publish(message("t", "x", QoS.AT_MOST_ONCE));

        assertThat(a.payloads()).containsExactly("x");
        assertThat(b.payloads()).containsExactly("x");
    }

    @Test
    void aSharedSubscribeGetsNoRetainedMessages() {
        // MQTT 5 §3.3.1.3: retained messages are sent when a new non-shared subscription is made.
        broker.publish(retained("t", "r", QoS.AT_MOST_ONCE));
        TestConnection a = broker.connectPersistent("a");

        a.subscribe("$share/g/t", QoS.AT_MOST_ONCE);

        assertThat(a.sent()).isEmpty();
    }

    @Test
    void onlineMembersArePreferred() {
        TestConnection a = broker.connectPersistent("a");
        TestConnection b = broker.connectPersistent("b");
        a.subscribe("$share/g/t", QoS.AT_LEAST_ONCE);
        b.subscribe("$share/g/t", QoS.AT_LEAST_ONCE);
        b.drop();

        for (int i = 0; i < 4; i++) {
            broker.publish(message("t", Integer.toString(i), QoS.AT_LEAST_ONCE));
        }

        assertThat(a.payloads()).containsExactly("0", "1", "2", "3");
    }

    @Test
    void aLeavingMembersUnacknowledgedQos1AndQueuedMessagesGoToAnotherMember() {
        // MQTT 5 §4.8.2: a QoS 1 message may go to another member as soon as the connection is lost.
        TestConnection a = broker.connection().receiveMaximum(1)
                .connect(EngineHarness.request("a", false, 3600, null));
        a.subscribe("$share/g/t", QoS.EXACTLY_ONCE);
        broker.publish(message("t", "inflight", QoS.AT_LEAST_ONCE));
        broker.publish(message("t", "queued", QoS.EXACTLY_ONCE));
        assertThat(a.payloads()).containsExactly("inflight");
        TestConnection b = broker.connectPersistent("b");
        b.subscribe("$share/g/t", QoS.EXACTLY_ONCE);

        a.drop();

        assertThat(b.payloads()).containsExactlyInAnyOrder("inflight", "queued");
        assertThat(b.sent()).extracting(Sent::duplicate).containsOnly(false);
        TestConnection back = broker.connection().connect(EngineHarness.request("a", false, 3600, null));
        assertThat(back.sent()).as("nothing is delivered twice").isEmpty();
    }

    @Test
    void aTakeoverThatDiscardsTheSessionHandsItsUnacknowledgedQos1MessageToAnotherMember() {
        // MQTT 5 §4.8.2: the member's connection is gone and its session with it, so the message goes elsewhere.
        TestConnection a = broker.connectPersistent("a");
        a.subscribe("$share/g/t", QoS.AT_LEAST_ONCE);
        broker.publish(message("t", "unacked", QoS.AT_LEAST_ONCE));
        TestConnection b = broker.connectPersistent("b");
        b.subscribe("$share/g/t", QoS.AT_LEAST_ONCE);

        broker.connection().connect(EngineHarness.request("a", true, 3600, null));

        assertThat(b.payloads()).containsExactly("unacked");
        assertThat(broker.metrics().droppedCount(DropReason.SESSION_ENDED)).isZero();
    }

    @Test
    void aQos2MessageWhoseDeliveryStartedStaysWithItsMember() {
        // [MQTT-4.8.2-4] a QoS 2 delivery that started completes with the same client when it reconnects;
        // [MQTT-4.8.2-5] it is never sent to another member.
        TestConnection a = broker.connectPersistent("a");
        TestConnection b = broker.connectPersistent("b");
        a.subscribe("$share/g/t", QoS.EXACTLY_ONCE);
        b.subscribe("$share/g/t", QoS.EXACTLY_ONCE);
        broker.publish(message("t", "m1", QoS.EXACTLY_ONCE));
        broker.publish(message("t", "m2", QoS.EXACTLY_ONCE));
        TestConnection holder = a.payloads().isEmpty() ? b : a;
        TestConnection other = holder == a ? b : a;
        String held = holder.payloads().get(0);
        other.clear();

        holder.drop();
        assertThat(other.sent()).isEmpty();

        TestConnection back = broker.connectPersistent(holder == a ? "a" : "b");
        assertThat(back.sent()).singleElement().satisfies(s -> {
            assertThat(s.payload()).isEqualTo(held);
            assertThat(s.duplicate()).isTrue();
        });
    }

    @Test
    void aLastMemberKeepsItsMessages() {
        TestConnection a = broker.connectPersistent("a");
        a.subscribe("$share/g/t", QoS.AT_LEAST_ONCE);
        broker.publish(message("t", "m", QoS.AT_LEAST_ONCE));
        a.drop();

        TestConnection back = broker.connectPersistent("a");
        assertThat(back.sent()).singleElement().satisfies(s -> assertThat(s.duplicate()).isTrue());
    }

    @Test
    void aMemberThatRefusesAMessageDoesNotPassItOn() {
        // [MQTT-4.8.2-6] a PUBREC of 0x80 or more discards the message for the whole group.
        TestConnection a = broker.connectPersistent("a");
        a.subscribe("$share/g/t", QoS.EXACTLY_ONCE);
        TestConnection b = broker.connectPersistent("b");
        broker.publish(message("t", "m", QoS.EXACTLY_ONCE));
        b.subscribe("$share/g/t", QoS.EXACTLY_ONCE);

        a.pubRec(a.last().packetId(), false);
        a.drop();

        assertThat(b.sent()).isEmpty();
    }

    @Test
    void theMembersGrantedQosApplies() {
        // [MQTT-4.8.2-3]
        TestConnection a = broker.connectPersistent("a");
        a.subscribe("$share/g/t", QoS.AT_MOST_ONCE);

        broker.publish(message("t", "m", QoS.EXACTLY_ONCE));

        assertThat(a.last().qos()).isEqualTo(QoS.AT_MOST_ONCE);
    }
}
