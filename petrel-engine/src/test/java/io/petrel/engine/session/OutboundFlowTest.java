package io.petrel.engine.session;

import static io.petrel.engine.testing.EngineHarness.message;
import static org.assertj.core.api.Assertions.assertThat;

import io.petrel.api.QoS;
import io.petrel.engine.metrics.DropReason;
import io.petrel.engine.testing.EngineHarness;
import io.petrel.engine.testing.TestConnection;
import io.petrel.engine.testing.TestConnection.Sent;
import org.junit.jupiter.api.Test;

class OutboundFlowTest {
    private final EngineHarness broker = new EngineHarness(new SessionConfig(10, 5, false, SessionConfig.NEVER_EXPIRE));

    @Test
    void qos1IsTrackedUntilPubAck() {
        // [MQTT-4.3.2-1] a fresh packet id; [MQTT-4.3.2-3] unacknowledged until PUBACK.
        TestConnection client = broker.connectPersistent("c");
        client.subscribe("t", QoS.AT_LEAST_ONCE);
        broker.publish(message("t", "a", QoS.AT_LEAST_ONCE));
        broker.publish(message("t", "b", QoS.AT_LEAST_ONCE));

        assertThat(client.sent()).extracting(Sent::packetId).doesNotContain(0).doesNotHaveDuplicates();
        assertThat(client.sent()).extracting(Sent::duplicate).containsOnly(false);
        client.onLoop(() -> assertThat(client.session().inflightCount()).isEqualTo(2));

        client.pubAck(client.sent().get(0).packetId());
        client.onLoop(() -> assertThat(client.session().inflightCount()).isEqualTo(1));
    }

    @Test
    void qos0CarriesNoPacketId() {
        TestConnection client = broker.connectPersistent("c");
        client.subscribe("t", QoS.EXACTLY_ONCE);
        broker.publish(message("t", "a", QoS.AT_MOST_ONCE));

        assertThat(client.last().packetId()).isZero();
        client.onLoop(() -> assertThat(client.session().inflightCount()).isZero());
    }

    @Test
    void qos2RunsPubRecPubRelPubComp() {
        // [MQTT-4.3.3-4] PUBREL answers PUBREC; [MQTT-4.3.3-5] unacknowledged until PUBCOMP.
        TestConnection client = broker.connectPersistent("c");
        client.subscribe("t", QoS.EXACTLY_ONCE);
        broker.publish(message("t", "a", QoS.EXACTLY_ONCE));
        int id = client.last().packetId();

        client.pubRec(id, true);
        assertThat(client.pubRels()).containsExactly(id);
        client.pubAck(id);
        client.onLoop(() -> assertThat(client.session().inflightCount()).as("PUBACK does not end QoS 2").isOne());

        client.pubComp(id);
        client.onLoop(() -> assertThat(client.session().inflightCount()).isZero());
    }

    @Test
    void aPubRecWithAnErrorCodeEndsTheExchange() {
        // [MQTT-4.4.0-2] a PUBREC of 0x80 or more acknowledges the PUBLISH: no PUBREL, no resend.
        TestConnection client = broker.connectPersistent("c");
        client.subscribe("t", QoS.EXACTLY_ONCE);
        broker.publish(message("t", "a", QoS.EXACTLY_ONCE));

        client.pubRec(client.last().packetId(), false);

        assertThat(client.pubRels()).isEmpty();
        client.onLoop(() -> assertThat(client.session().inflightCount()).isZero());
    }

    @Test
    void theSendQuotaIsTheClientsReceiveMaximum() {
        // [MQTT-3.3.4-9] [MQTT-4.9.0-2] no more unacknowledged QoS 1 and 2 PUBLISH than the receive maximum.
        TestConnection client = broker.connection().receiveMaximum(2)
                .connect(EngineHarness.request("c", false, SessionConfig.NEVER_EXPIRE, null));
        client.subscribe("t", QoS.AT_LEAST_ONCE);
        for (String p : new String[] {"1", "2", "3", "4"}) {
            broker.publish(message("t", p, QoS.AT_LEAST_ONCE));
        }
        assertThat(client.payloads()).containsExactly("1", "2");

        client.pubAck(client.sent().get(0).packetId());
        assertThat(client.payloads()).containsExactly("1", "2", "3");
        client.pubAckAll();
        assertThat(client.payloads()).containsExactly("1", "2", "3", "4");
    }

    @Test
    void theServersInflightLimitAppliesWhenTheClientAllowsMore() {
        TestConnection client = broker.connectPersistent("c");
        client.subscribe("t", QoS.AT_LEAST_ONCE);
        for (int i = 0; i < 15; i++) {
            broker.publish(message("t", Integer.toString(i), QoS.AT_LEAST_ONCE));
        }
        assertThat(client.sent()).hasSize(10);
        client.onLoop(() -> assertThat(client.session().queuedCount()).isEqualTo(5));
    }

    @Test
    void unacknowledgedMessagesAreResentWithDupOnReconnect() {
        // [MQTT-4.4.0-1] resend unacknowledged PUBLISH with the original packet ids, and PUBREL;
        // [MQTT-3.3.1-1] with DUP set.
        TestConnection first = broker.connectPersistent("c");
        first.subscribe("t", QoS.EXACTLY_ONCE);
        broker.publish(message("t", "q1", QoS.AT_LEAST_ONCE));
        broker.publish(message("t", "q2", QoS.EXACTLY_ONCE));
        broker.publish(message("t", "q2-released", QoS.EXACTLY_ONCE));
        int q1 = first.sent().get(0).packetId();
        int q2 = first.sent().get(1).packetId();
        int released = first.sent().get(2).packetId();
        first.pubRec(released, true);
        first.drop();

        TestConnection second = broker.connectPersistent("c");

        assertThat(second.sent()).extracting(Sent::packetId).containsExactly(q1, q2);
        assertThat(second.sent()).extracting(Sent::duplicate).containsOnly(true);
        assertThat(second.pubRels()).containsExactly(released);
    }

    @Test
    void resentMessagesRespectALowerReceiveMaximumOnTheNewConnection() {
        // [MQTT-3.3.4-9] the new connection's receive maximum bounds the resent PUBLISH packets too;
        // [MQTT-4.4.0-1] they keep their packet ids, and go before anything queued.
        TestConnection first = broker.connectPersistent("c");
        first.subscribe("t", QoS.AT_LEAST_ONCE);
        for (String p : new String[] {"1", "2", "3", "4"}) {
            broker.publish(message("t", p, QoS.AT_LEAST_ONCE));
        }
        first.drop();
        broker.publish(message("t", "queued", QoS.AT_LEAST_ONCE));

        TestConnection second = broker.connection().receiveMaximum(2)
                .connect(EngineHarness.request("c", false, SessionConfig.NEVER_EXPIRE, null));
        assertThat(second.payloads()).containsExactly("1", "2");
        assertThat(second.sent()).extracting(Sent::packetId)
                .containsExactly(first.sent().get(0).packetId(), first.sent().get(1).packetId());

        second.pubAck(second.sent().get(0).packetId());
        assertThat(second.payloads()).containsExactly("1", "2", "3");
        second.pubAckAll();
        second.pubAckAll();
        assertThat(second.payloads()).containsExactly("1", "2", "3", "4", "queued");
        assertThat(second.sent()).extracting(Sent::duplicate).containsExactly(true, true, true, true, false);
    }

    @Test
    void messagesForAnOfflineSessionAreQueuedAndSentOnReconnect() {
        TestConnection first = broker.connectPersistent("c");
        first.subscribe("t", QoS.EXACTLY_ONCE);
        first.drop();

        broker.publish(message("t", "1", QoS.AT_LEAST_ONCE));
        broker.publish(message("t", "2", QoS.EXACTLY_ONCE));
        broker.publish(message("t", "zero", QoS.AT_MOST_ONCE));

        TestConnection second = broker.connectPersistent("c");
        assertThat(second.payloads()).containsExactly("1", "2");
        assertThat(second.sent()).extracting(Sent::duplicate).containsOnly(false);
        assertThat(broker.metrics().droppedCount(DropReason.QOS0_OFFLINE)).isOne();
    }

    @Test
    void qos0IsQueuedOfflineWhenConfigured() {
        EngineHarness queueing = new EngineHarness(new SessionConfig(10, 5, true, SessionConfig.NEVER_EXPIRE));
        TestConnection first = queueing.connectPersistent("c");
        first.subscribe("t", QoS.AT_MOST_ONCE);
        first.drop();
        queueing.publish(message("t", "zero", QoS.AT_MOST_ONCE));

        assertThat(queueing.connectPersistent("c").payloads()).containsExactly("zero");
    }

    @Test
    void theOfflineQueueIsBoundedAndCountsWhatItDrops() {
        TestConnection first = broker.connectPersistent("c");
        first.subscribe("t", QoS.AT_LEAST_ONCE);
        first.drop();
        for (int i = 0; i < 8; i++) {
            broker.publish(message("t", Integer.toString(i), QoS.AT_LEAST_ONCE));
        }

        assertThat(broker.metrics().droppedCount(DropReason.QUEUE_FULL)).isEqualTo(3);
        assertThat(broker.metrics().queuedMessages()).isEqualTo(5);
        TestConnection second = broker.connectPersistent("c");
        assertThat(second.payloads()).containsExactly("0", "1", "2", "3", "4");
        second.pubAckAll();
        assertThat(broker.metrics().queuedMessages()).isZero();
        assertThat(broker.metrics().inflightMessages()).isZero();
    }

    @Test
    void anUnwritableConnectionQueuesQos0UntilItCanTakeMore() {
        TestConnection client = broker.connectPersistent("c");
        client.subscribe("t", QoS.AT_LEAST_ONCE);
        client.writable(false);

        broker.publish(message("t", "zero", QoS.AT_MOST_ONCE));
        broker.publish(message("t", "one", QoS.AT_LEAST_ONCE));
        assertThat(client.payloads()).isEmpty();

        client.writable(true);
        assertThat(client.payloads()).containsExactly("zero", "one");
        assertThat(broker.metrics().droppedTotal()).isZero();
    }

    @Test
    void aQueuedQos0WaitsForWritability() {
        TestConnection client = broker.connection().receiveMaximum(1)
                .connect(EngineHarness.request("c", false, SessionConfig.NEVER_EXPIRE, null));
        client.subscribe("t", QoS.AT_LEAST_ONCE);
        broker.publish(message("t", "one", QoS.AT_LEAST_ONCE));
        broker.publish(message("t", "two", QoS.AT_LEAST_ONCE));
        broker.publish(message("t", "zero", QoS.AT_MOST_ONCE));
        client.writable(false);

        client.pubAckAll();
        assertThat(client.payloads()).containsExactly("one", "two");
        client.writable(true);
        assertThat(client.payloads()).containsExactly("one", "two", "zero");
    }

    @Test
    void aMessageTooLargeForTheClientIsSkippedAndCounted() {
        // [MQTT-3.1.2-25] discarded unsent, as if delivery had completed.
        TestConnection small = broker.connection().maxPayload(3)
                .connect(EngineHarness.request("small", false, SessionConfig.NEVER_EXPIRE, null));
        TestConnection large = broker.connectPersistent("large");
        small.subscribe("t", QoS.AT_LEAST_ONCE);
        large.subscribe("t", QoS.AT_LEAST_ONCE);

        broker.publish(message("t", "too long", QoS.AT_LEAST_ONCE));
        broker.publish(message("t", "ok", QoS.AT_LEAST_ONCE));

        assertThat(small.payloads()).containsExactly("ok");
        assertThat(large.payloads()).containsExactly("too long", "ok");
        assertThat(broker.metrics().droppedCount(DropReason.TOO_LARGE)).isOne();
        small.onLoop(() -> assertThat(small.session().inflightCount()).isOne());
    }

    @Test
    void inboundQos2IsForwardedOnceUntilReleased() {
        // [MQTT-4.3.3-10] until PUBREL, a resent PUBLISH is acknowledged but not delivered again;
        // [MQTT-4.3.3-12] after PUBCOMP the packet id starts a new message.
        TestConnection client = broker.connectPersistent("c");
        client.onLoop(() -> {
            Session session = client.session();
            assertThat(session.qos2Arrived(7)).isTrue();
            assertThat(session.qos2Arrived(7)).isFalse();
            assertThat(session.qos2Released(7)).isTrue();
            assertThat(session.qos2Released(7)).isFalse();
            assertThat(session.qos2Arrived(7)).isTrue();
        });
    }

    @Test
    void inboundQos2StateSurvivesAReconnectButNotACleanStart() {
        TestConnection first = broker.connectPersistent("c");
        first.onLoop(() -> first.session().qos2Arrived(7));
        first.drop();

        TestConnection second = broker.connectPersistent("c");
        second.onLoop(() -> assertThat(second.session().qos2Arrived(7)).as("resent after reconnect").isFalse());
        second.drop();

        TestConnection clean = broker.connection().connect(EngineHarness.request("c", true, 60, null));
        clean.onLoop(() -> assertThat(clean.session().qos2Arrived(7)).isTrue());
    }

    @Test
    void packetIdsSkipThoseStillInFlight() {
        // [MQTT-2.2.1-4] a new PUBLISH gets a packet id that is currently unused.
        EngineHarness wide = new EngineHarness(new SessionConfig(65_535, 10, false, SessionConfig.NEVER_EXPIRE));
        TestConnection client = wide.connectPersistent("c");
        client.subscribe("t", QoS.AT_LEAST_ONCE);
        wide.publish(message("t", "held", QoS.AT_LEAST_ONCE));
        int held = client.last().packetId();
        for (int i = 0; i < 65_535; i++) {
            wide.publish(message("t", "x", QoS.AT_LEAST_ONCE));
            client.pubAck(client.last().packetId());
            client.sent().clear();
        }
        assertThat(client.sent()).isEmpty();
        client.onLoop(() -> assertThat(client.session().inflightCount()).isOne());
        wide.publish(message("t", "next", QoS.AT_LEAST_ONCE));
        assertThat(client.last().packetId()).isNotEqualTo(held).isNotZero();
    }
}
