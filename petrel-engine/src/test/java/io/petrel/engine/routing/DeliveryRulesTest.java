package io.petrel.engine.routing;

import static io.petrel.engine.testing.EngineHarness.from;
import static io.petrel.engine.testing.EngineHarness.message;
import static io.petrel.engine.testing.EngineHarness.retained;
import static org.assertj.core.api.Assertions.assertThat;

import io.petrel.api.Message;
import io.petrel.api.MessageProperties;
import io.petrel.api.QoS;
import io.petrel.engine.metrics.DropReason;
import io.petrel.engine.testing.EngineHarness;
import io.petrel.engine.testing.TestConnection;
import io.petrel.engine.testing.TestConnection.Sent;
import io.petrel.engine.topic.RetainHandling;
import io.petrel.engine.topic.SubscriptionOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeliveryRulesTest {
    private final EngineHarness broker = new EngineHarness();

    @Test
    void messagesAreDowngradedToTheGrantedQos() {
        // [MQTT-3.8.4-8] the minimum of the published QoS and the granted QoS.
        TestConnection client = broker.connectPersistent("c");
        client.subscribe("t", QoS.AT_LEAST_ONCE);

        broker.publish(message("t", "two", QoS.EXACTLY_ONCE));
        broker.publish(message("t", "zero", QoS.AT_MOST_ONCE));

        assertThat(client.sent()).extracting(Sent::qos).containsExactly(QoS.AT_LEAST_ONCE, QoS.AT_MOST_ONCE);
    }

    @Test
    void overlappingSubscriptionsGiveOneCopyAtTheHighestQosWithEveryIdentifier() {
        // [MQTT-3.3.4-2] the maximum QoS of the matching subscriptions; [MQTT-3.3.4-3] [MQTT-3.3.4-4] one copy
        // carrying the identifiers of every matching subscription that has one.
        TestConnection client = broker.connectPersistent("c");
        client.subscribe("a/+", options(QoS.AT_MOST_ONCE), 1);
        client.subscribe("a/#", options(QoS.EXACTLY_ONCE), 2);
        client.subscribe("a/b", options(QoS.AT_LEAST_ONCE), 0);
        client.subscribe("#", options(QoS.AT_MOST_ONCE), 3);

        broker.publish(message("a/b", "x", QoS.EXACTLY_ONCE));

        assertThat(client.sent()).singleElement().satisfies(s -> {
            assertThat(s.qos()).isEqualTo(QoS.EXACTLY_ONCE);
            assertThat(s.delivery().subscriptionIds()).containsExactlyInAnyOrder(1, 2, 3);
        });
    }

    @Test
    void aSingleMatchingSubscriptionCarriesItsIdentifier() {
        // [MQTT-3.3.4-5]
        TestConnection client = broker.connectPersistent("c");
        client.subscribe("a/+", options(QoS.AT_MOST_ONCE), 42);
        TestConnection other = broker.connectPersistent("o");
        other.subscribe("a/b", QoS.AT_MOST_ONCE);

        broker.publish(message("a/b", "x", QoS.AT_MOST_ONCE));

        assertThat(client.last().delivery().subscriptionIds()).containsExactly(42);
        assertThat(other.last().delivery().subscriptionIds()).isEmpty();
    }

    @Test
    void noLocalWithholdsAClientsOwnMessagesFromIt() {
        // [MQTT-3.8.3-3]
        TestConnection self = broker.connectPersistent("self");
        TestConnection other = broker.connectPersistent("other");
        self.subscribe("t", new SubscriptionOptions(QoS.AT_MOST_ONCE, true, false, RetainHandling.SEND_ON_SUBSCRIBE), 0);
        other.subscribe("t", new SubscriptionOptions(QoS.AT_MOST_ONCE, true, false, RetainHandling.SEND_ON_SUBSCRIBE), 0);

        self.publish(from("self", "t", "mine", QoS.AT_MOST_ONCE));

        assertThat(self.sent()).isEmpty();
        assertThat(other.payloads()).containsExactly("mine");
    }

    @Test
    void noLocalOnOneFilterDoesNotHideMatchesOfAnother() {
        TestConnection self = broker.connectPersistent("self");
        self.subscribe("t", new SubscriptionOptions(QoS.AT_MOST_ONCE, true, false, RetainHandling.SEND_ON_SUBSCRIBE), 0);
        self.subscribe("#", options(QoS.AT_MOST_ONCE), 0);

        self.publish(from("self", "t", "mine", QoS.AT_MOST_ONCE));

        assertThat(self.payloads()).containsExactly("mine");
    }

    @Test
    void retainAsPublishedKeepsTheRetainFlagOtherwiseItIsCleared() {
        // [MQTT-3.3.1-12] Retain As Published 0 clears RETAIN on forwarding; [MQTT-3.3.1-13] 1 keeps it.
        TestConnection plain = broker.connectPersistent("plain");
        TestConnection keeping = broker.connectPersistent("keeping");
        plain.subscribe("t", options(QoS.AT_MOST_ONCE), 0);
        keeping.subscribe("t", new SubscriptionOptions(QoS.AT_MOST_ONCE, false, true, RetainHandling.DO_NOT_SEND), 0);

        broker.publish(retained("t", "r", QoS.AT_MOST_ONCE));
        broker.publish(message("t", "n", QoS.AT_MOST_ONCE));

        assertThat(plain.sent()).extracting(s -> s.delivery().retain()).containsExactly(false, false);
        assertThat(keeping.sent()).extracting(s -> s.delivery().retain()).containsExactly(true, false);
    }

    @Test
    void retainedMessagesAreSentOnSubscribeWithRetainSet() {
        // MQTT 3.1.1 [MQTT-3.3.1-8] and MQTT 5 §3.3.1.3: sent because of a new subscription, with RETAIN 1;
        // [MQTT-3.3.1-9] retain handling 0 sends them on every subscribe.
        broker.publish(retained("a/b", "r1", QoS.EXACTLY_ONCE));
        broker.publish(retained("a/c", "r2", QoS.AT_MOST_ONCE));
        TestConnection client = broker.connectPersistent("c");

        client.subscribe("a/+", options(QoS.AT_LEAST_ONCE), 9);
        assertThat(client.sent()).extracting(Sent::payload).containsExactlyInAnyOrder("r1", "r2");
        assertThat(client.sent()).allSatisfy(s -> {
            assertThat(s.delivery().retain()).isTrue();
            assertThat(s.delivery().subscriptionIds()).containsExactly(9);
        });
        assertThat(client.sent()).extracting(Sent::qos)
                .containsExactlyInAnyOrder(QoS.AT_LEAST_ONCE, QoS.AT_MOST_ONCE);

        client.subscribe("a/+", options(QoS.AT_LEAST_ONCE), 9);
        assertThat(client.sent()).hasSize(4);
    }

    @Test
    void retainHandlingOneSendsOnlyForANewSubscription() {
        // [MQTT-3.3.1-10]
        broker.publish(retained("t", "r", QoS.AT_MOST_ONCE));
        TestConnection client = broker.connectPersistent("c");
        SubscriptionOptions ifNew = new SubscriptionOptions(QoS.AT_MOST_ONCE, false, false, RetainHandling.SEND_IF_NEW);

        client.subscribe("t", ifNew, 0);
        client.subscribe("t", ifNew, 0);

        assertThat(client.payloads()).containsExactly("r");
    }

    @Test
    void retainHandlingTwoNeverSends() {
        // [MQTT-3.3.1-11]
        broker.publish(retained("t", "r", QoS.AT_MOST_ONCE));
        TestConnection client = broker.connectPersistent("c");

        client.subscribe("t", new SubscriptionOptions(QoS.AT_MOST_ONCE, false, false, RetainHandling.DO_NOT_SEND), 0);

        assertThat(client.sent()).isEmpty();
    }

    @Test
    void aRetainedMessageIsForwardedToCurrentSubscribersAndStored() {
        // [MQTT-3.3.1-5] stored; an empty payload is forwarded as usual and clears it [MQTT-3.3.1-6].
        TestConnection client = broker.connectPersistent("c");
        client.subscribe("t", QoS.AT_MOST_ONCE);

        broker.publish(retained("t", "r", QoS.AT_MOST_ONCE));
        broker.publish(retained("t", "", QoS.AT_MOST_ONCE));

        assertThat(client.payloads()).containsExactly("r", "");
        assertThat(broker.engine().retained().get("t")).isNull();
    }

    @Test
    void anExpiredMessageIsNeverDelivered() {
        // [MQTT-3.3.2-5] a message whose expiry interval passed before delivery started is deleted.
        TestConnection client = broker.connectPersistent("c");
        client.subscribe("t", QoS.AT_LEAST_ONCE);
        client.drop();
        broker.publish(expiring("t", "short", 10));
        broker.publish(expiring("t", "long", 100));

        broker.advance(Duration.ofSeconds(10));
        TestConnection back = broker.connectPersistent("c");

        assertThat(back.payloads()).containsExactly("long");
        assertThat(broker.metrics().droppedCount(DropReason.EXPIRED)).isOne();
    }

    @Test
    void anExpiredRetainedMessageIsNotSentOnSubscribe() {
        broker.publish(new Message("t", EngineHarness.bytes("r"), QoS.AT_MOST_ONCE, true, MessageProperties.NONE,
                broker.loops().millis() + 5_000, null));
        broker.advance(Duration.ofSeconds(5));

        TestConnection client = broker.connectPersistent("c");
        client.subscribe("t", QoS.AT_MOST_ONCE);

        assertThat(client.sent()).isEmpty();
        assertThat(broker.engine().retained().size()).as("no longer kept").isZero();
    }

    @Test
    void anUnsubscribedFilterStopsNewMessagesButInFlightOnesComplete() {
        // [MQTT-3.10.4-2] no new messages for the filter; [MQTT-3.10.4-3] started QoS 1 and 2 deliveries
        // complete.
        TestConnection client = broker.connectPersistent("c");
        client.subscribe("t", QoS.EXACTLY_ONCE);
        broker.publish(message("t", "started", QoS.EXACTLY_ONCE));
        int id = client.last().packetId();

        assertThat(client.unsubscribe("t")).isTrue();
        assertThat(client.unsubscribe("t")).isFalse();
        broker.publish(message("t", "after", QoS.EXACTLY_ONCE));
        client.pubRec(id, true);
        client.pubComp(id);

        assertThat(client.payloads()).containsExactly("started");
        assertThat(client.pubRels()).containsExactly(id);
        client.onLoop(() -> assertThat(client.session().inflightCount()).isZero());
    }

    @Test
    void replacingASubscriptionLosesNoMessage() {
        // [MQTT-3.8.4-3] the new subscription replaces the old; [MQTT-3.8.4-4] no message is lost by it.
        TestConnection client = broker.connectPersistent("c");
        client.subscribe("t", QoS.AT_MOST_ONCE);
        broker.publish(message("t", "before", QoS.EXACTLY_ONCE));
        client.subscribe("t", QoS.EXACTLY_ONCE);
        broker.publish(message("t", "after", QoS.EXACTLY_ONCE));

        assertThat(client.sent()).extracting(Sent::qos).containsExactly(QoS.AT_MOST_ONCE, QoS.EXACTLY_ONCE);
        client.onLoop(() -> assertThat(client.session().subscriptionCount()).isOne());
    }

    @Test
    void aMessageInFlightIsResentEvenAfterItsExpiry() {
        // [MQTT-4.3.3-7] no message expiry once the PUBLISH has been sent; [MQTT-4.4.0-1] it is resent.
        TestConnection first = broker.connectPersistent("c");
        first.subscribe("t", QoS.AT_LEAST_ONCE);
        broker.publish(expiring("t", "sent", 5));
        first.drop();
        broker.advance(Duration.ofSeconds(10));

        assertThat(broker.connectPersistent("c").payloads()).containsExactly("sent");
    }

    @Test
    void theDeliveryKeepsTheAbsoluteExpirySoTheRemainingTimeCanBePassedOn() {
        // [MQTT-3.3.2-6] the transport sends the interval less the time the message waited.
        TestConnection client = broker.connectPersistent("c");
        client.subscribe("t", QoS.AT_LEAST_ONCE);
        client.drop();
        broker.publish(expiring("t", "m", 60));
        broker.advance(Duration.ofSeconds(15));

        Message delivered = broker.connectPersistent("c").last().message();
        assertThat(delivered.remainingExpirySeconds(broker.loops().millis())).isEqualTo(45);
    }

    @Test
    void messagesFromOnePublisherArriveInOrder() {
        // [MQTT-4.6.0-5] [MQTT-4.6.0-6] topics are ordered for non-shared subscriptions.
        TestConnection publisher = broker.connectPersistent("p");
        TestConnection subscriber = broker.connectPersistent("s");
        subscriber.subscribe("t/#", QoS.AT_LEAST_ONCE);
        publisher.onLoop(() -> {
            for (int i = 0; i < 50; i++) {
                broker.engine().publish(from("p", "t/" + (i % 3), Integer.toString(i), QoS.AT_LEAST_ONCE),
                        publisher.session());
            }
        });
        subscriber.pubAckAll();
        broker.loops().runPending();
        subscriber.pubAckAll();

        assertThat(subscriber.payloads()).hasSize(50).isSortedAccordingTo((a, b) -> Integer.parseInt(a) - Integer.parseInt(b));
    }

    private Message expiring(String topic, String payload, long seconds) {
        return new Message(topic, EngineHarness.bytes(payload), QoS.AT_LEAST_ONCE, false, MessageProperties.NONE,
                broker.loops().millis() + seconds * 1000, null);
    }

    private static SubscriptionOptions options(QoS qos) {
        return new SubscriptionOptions(qos, false, false, RetainHandling.SEND_ON_SUBSCRIBE);
    }
}
