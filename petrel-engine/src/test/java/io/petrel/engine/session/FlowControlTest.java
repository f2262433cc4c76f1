package io.petrel.engine.session;

import static io.petrel.engine.testing.EngineHarness.message;
import static org.assertj.core.api.Assertions.assertThat;

import io.petrel.api.QoS;
import io.petrel.engine.metrics.DropReason;
import io.petrel.engine.testing.EngineHarness;
import io.petrel.engine.testing.TestConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Flow control: publishers wait while a subscriber's backlog is full, instead of the broker dropping what it
 * already acknowledged, and nothing waits for ever. A queue of 8 puts the high-water mark at 4 messages and the
 * low-water mark at 2.
 */
class FlowControlTest {
    private static final long SLOW_CONSUMER_MILLIS = 5_000;
    private final EngineHarness broker =
            new EngineHarness(new SessionConfig(10, 8, false, SessionConfig.NEVER_EXPIRE, SLOW_CONSUMER_MILLIS));

    private TestConnection subscriber(String clientId, int receiveMaximum, String filter) {
        TestConnection client = broker.connection().receiveMaximum(receiveMaximum)
                .connect(EngineHarness.request(clientId, true, 0, null));
        client.subscribe(filter, QoS.AT_LEAST_ONCE);
        return client;
    }

    /** Publishes as a well-behaved connection does: only while its intake is open. */
    private static int publishWhileOpen(TestConnection publisher, String topic, int count, QoS qos) {
        int sent = 0;
        while (sent < count && publisher.intake() == Intake.OPEN) {
            publisher.publish(message(topic, Integer.toString(sent), qos));
            sent++;
        }
        return sent;
    }

    @Test
    void aPublisherWaitsWhileItsSubscriberIsBackedUpAndGoesOnOnceItDrains() {
        TestConnection slow = subscriber("slow", 1, "t");
        TestConnection publisher = broker.connectClean("pub");

        // One message in flight, then the queue fills to the high-water mark.
        assertThat(publishWhileOpen(publisher, "t", 100, QoS.AT_LEAST_ONCE)).isEqualTo(5);
        assertThat(publisher.intake()).isEqualTo(Intake.PAUSED);
        assertThat(broker.metrics().publishersPaused()).isOne();

        List<String> received = new ArrayList<>();
        while (publisher.intake() != Intake.OPEN) {
            received.add(slow.last().payload());
            slow.pubAck(slow.last().packetId());
        }
        assertThat(received).containsExactly("0", "1", "2");
        assertThat(publisher.intakeChanges()).containsExactly(Intake.PAUSED, Intake.OPEN);
        assertThat(broker.metrics().droppedTotal()).isZero();
    }

    @Test
    void aFastPublisherLosesNothingToASlowQos1Subscriber() {
        TestConnection slow = subscriber("slow", 2, "t");
        TestConnection publisher = broker.connectClean("pub");
        int next = 0;
        List<String> received = new ArrayList<>();
        while (received.size() < 200) {
            while (next < 200 && publisher.intake() == Intake.OPEN) {
                publisher.publish(message("t", Integer.toString(next++), QoS.AT_LEAST_ONCE));
            }
            // The subscriber takes what it was sent, a window of two at a time.
            for (TestConnection.Sent sent : List.copyOf(slow.sent())) {
                received.add(sent.payload());
                slow.sent().remove(sent);
                slow.pubAck(sent.packetId());
            }
        }
        assertThat(received).containsExactlyElementsOf(IntStream.range(0, 200).mapToObj(Integer::toString).toList());
        assertThat(broker.metrics().droppedTotal()).isZero();
        assertThat(broker.metrics().publishersPaused()).isPositive();
    }

    @Test
    void qos0ToAnUnwritableSubscriberHoldsThePublisherBackUntilItIsWritable() {
        TestConnection slow = subscriber("slow", 10, "t");
        slow.writable(false);
        TestConnection publisher = broker.connectClean("pub");

        assertThat(publishWhileOpen(publisher, "t", 100, QoS.AT_MOST_ONCE)).isEqualTo(4);
        assertThat(publisher.intake()).isEqualTo(Intake.PAUSED);

        slow.writable(true);
        assertThat(slow.payloads()).containsExactly("0", "1", "2", "3");
        assertThat(publisher.intake()).isEqualTo(Intake.OPEN);
        assertThat(broker.metrics().droppedTotal()).isZero();
    }

    @Test
    void aClientPublishingToItselfKeepsReadingItsAcknowledgements() {
        TestConnection self = subscriber("self", 1, "t");

        assertThat(publishWhileOpen(self, "t", 100, QoS.AT_LEAST_ONCE)).isEqualTo(5);
        // Its own session is backed up: it must go on reading the PUBACKs that drain it.
        assertThat(self.intake()).isEqualTo(Intake.ACKS_ONLY);

        while (self.intake() != Intake.OPEN) {
            self.pubAck(self.last().packetId());
        }
        assertThat(self.payloads()).containsExactly("0", "1", "2", "3");
        assertThat(broker.metrics().droppedTotal()).isZero();
    }

    @Test
    void twoClientsPublishingToEachOtherDoNotWaitForEachOtherForEver() {
        TestConnection a = subscriber("a", 1, "to-a");
        TestConnection b = subscriber("b", 1, "to-b");

        assertThat(publishWhileOpen(a, "to-b", 100, QoS.AT_LEAST_ONCE)).isEqualTo(5);
        assertThat(a.intake()).isEqualTo(Intake.PAUSED);
        assertThat(publishWhileOpen(b, "to-a", 100, QoS.AT_LEAST_ONCE)).isEqualTo(5);
        // Both wait, and both are waited for: both still read acknowledgements.
        assertThat(a.intake()).isEqualTo(Intake.ACKS_ONLY);
        assertThat(b.intake()).isEqualTo(Intake.ACKS_ONLY);

        for (int i = 0; i < 3; i++) {
            a.pubAck(a.last().packetId());
            b.pubAck(b.last().packetId());
        }
        assertThat(a.intake()).isEqualTo(Intake.OPEN);
        assertThat(b.intake()).isEqualTo(Intake.OPEN);
        assertThat(broker.metrics().droppedTotal()).isZero();
    }

    @Test
    void aSubscriberThatTakesNothingStopsHoldingPublishersBackAfterTheTimeoutAndSheds() {
        TestConnection stuck = subscriber("stuck", 1, "t");
        TestConnection publisher = broker.connectClean("pub");
        publishWhileOpen(publisher, "t", 100, QoS.AT_LEAST_ONCE);
        assertThat(publisher.intake()).isEqualTo(Intake.PAUSED);

        broker.advance(Duration.ofMillis(SLOW_CONSUMER_MILLIS - 1));
        assertThat(publisher.intake()).as("still within the timeout").isEqualTo(Intake.PAUSED);
        broker.advance(Duration.ofMillis(1));
        assertThat(publisher.intake()).isEqualTo(Intake.OPEN);
        assertThat(broker.metrics().slowConsumers()).isOne();

        // Shedding: QoS 0 only up to half the queue, QoS 1 up to the whole of it, each drop counted.
        publishWhileOpen(publisher, "t", 10, QoS.AT_MOST_ONCE);
        assertThat(broker.metrics().droppedCount(DropReason.SLOW_CONSUMER)).isEqualTo(10);
        publishWhileOpen(publisher, "t", 10, QoS.AT_LEAST_ONCE);
        assertThat(publisher.intake()).isEqualTo(Intake.OPEN);
        assertThat(broker.metrics().droppedCount(DropReason.QUEUE_FULL)).isEqualTo(6);
        stuck.onLoop(() -> assertThat(stuck.session().queuedCount()).isEqualTo(8));

        // Once it drains below the low-water mark, it holds publishers back again.
        IntStream.range(0, 7).forEach(i -> stuck.pubAck(stuck.last().packetId()));
        publishWhileOpen(publisher, "t", 100, QoS.AT_LEAST_ONCE);
        assertThat(publisher.intake()).isEqualTo(Intake.PAUSED);
    }

    @Test
    void aSubscriberThatDisconnectsReleasesThePublishersWaitingForIt() {
        TestConnection slow = subscriber("slow", 1, "t");
        TestConnection publisher = broker.connectClean("pub");
        publishWhileOpen(publisher, "t", 100, QoS.AT_LEAST_ONCE);
        assertThat(publisher.intake()).isEqualTo(Intake.PAUSED);

        slow.disconnect();
        assertThat(publisher.intake()).isEqualTo(Intake.OPEN);
    }

    @Test
    void anOfflineSessionNeverHoldsPublishersBackAndItsQueueStaysBounded() {
        TestConnection offline = broker.connectPersistent("offline");
        offline.subscribe("t", QoS.AT_LEAST_ONCE);
        offline.drop();
        TestConnection publisher = broker.connectClean("pub");

        assertThat(publishWhileOpen(publisher, "t", 20, QoS.AT_LEAST_ONCE)).isEqualTo(20);
        assertThat(publisher.intakeChanges()).isEmpty();
        assertThat(broker.metrics().droppedCount(DropReason.QUEUE_FULL)).isEqualTo(12);
        assertThat(broker.metrics().queuedMessages()).isEqualTo(8);
    }

    @Test
    void theBrokersOwnMessagesNeverWaitButStayWithinTheBound() {
        TestConnection slow = subscriber("slow", 1, "t");
        for (int i = 0; i < 20; i++) {
            broker.publish(message("t", Integer.toString(i), QoS.AT_LEAST_ONCE));
        }
        slow.onLoop(() -> assertThat(slow.session().queuedCount()).isEqualTo(8));
        assertThat(broker.metrics().droppedCount(DropReason.QUEUE_FULL)).isEqualTo(11);
    }
}
