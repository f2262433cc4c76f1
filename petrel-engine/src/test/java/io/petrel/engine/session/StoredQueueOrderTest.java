package io.petrel.engine.session;

import static io.petrel.engine.testing.EngineHarness.message;
import static org.assertj.core.api.Assertions.assertThat;

import io.petrel.api.QoS;
import io.petrel.api.store.DeliveryStage;
import io.petrel.api.store.QueuedMessage;
import io.petrel.engine.testing.EngineHarness;
import io.petrel.engine.testing.TestConnection;
import io.petrel.store.memory.InMemoryBrokerStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The order in which a persistent session's stored messages reach its client. The in-memory store completes
 * every write before it returns, so a stored QoS 2 message's packet id is committed at once: the outbox must
 * still send it in its place, ahead of the messages queued behind it.
 */
class StoredQueueOrderTest {
    private final InMemoryBrokerStore store = new InMemoryBrokerStore();
    private final EngineHarness broker = new EngineHarness(store);

    @Test
    void aResumedSessionReceivesItsStoredQueueInOrder() {
        // [MQTT-4.6.0-5] [MQTT-4.6.0-6] PUBLISH packets for one topic and QoS leave in the order they arrived;
        // the outbox keeps the queue's order across both QoS levels.
        TestConnection first = broker.connectPersistent("sub");
        first.subscribe("orders", QoS.EXACTLY_ONCE);
        first.drop();
        List<String> published = publishAlternating(6);

        TestConnection second = broker.connectPersistent("sub");

        assertThat(second.payloads()).containsExactlyElementsOf(published);
        assertThat(second.sent()).noneMatch(TestConnection.Sent::duplicate);
        // Each QoS 2 PUBLISH left under the packet id its row holds, so a resend after a crash would carry it.
        for (TestConnection.Sent sent : second.sent()) {
            if (sent.qos() == QoS.EXACTLY_ONCE) {
                assertThat(stored("sub")).anyMatch(row -> row.packetId() == sent.packetId()
                        && row.stage() == DeliveryStage.PUBLISHED
                        && new String(row.message().payload()).equals(sent.payload()));
            }
        }
    }

    @Test
    void aQueueLongerThanAPageAndTheInflightWindowArrivesInOrder() {
        TestConnection first = broker.connectPersistent("sub");
        first.subscribe("orders", QoS.EXACTLY_ONCE);
        first.drop();
        List<String> published = publishAlternating(StoredQueue.PAGE + 50);

        TestConnection second = broker.connectPersistent("sub");
        // The client completes each exchange as its PUBLISH arrives, which frees the window for the next.
        int acknowledged = 0;
        while (acknowledged < second.sent().size()) {
            List<TestConnection.Sent> arrived = List.copyOf(second.sent().subList(acknowledged, second.sent().size()));
            acknowledged += arrived.size();
            arrived.forEach(sent -> complete(second, sent));
        }

        assertThat(second.payloads()).containsExactlyElementsOf(published);
        assertThat(stored("sub")).isEmpty();
    }

    private List<String> publishAlternating(int count) {
        List<String> published = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String payload = "order " + i;
            broker.publish(message("orders", payload, i % 2 == 0 ? QoS.AT_LEAST_ONCE : QoS.EXACTLY_ONCE));
            published.add(payload);
        }
        return published;
    }

    /** Completes one exchange as the client does: PUBACK for QoS 1, PUBREC then PUBCOMP for QoS 2. */
    private static void complete(TestConnection conn, TestConnection.Sent sent) {
        if (sent.qos() == QoS.AT_LEAST_ONCE) {
            conn.pubAck(sent.packetId());
        } else {
            conn.pubRec(sent.packetId(), true);
            assertThat(conn.pubRels()).contains(sent.packetId());
            conn.pubComp(sent.packetId());
        }
    }

    private List<QueuedMessage> stored(String clientId) {
        return store.readQueue(clientId, 0, Integer.MAX_VALUE).toCompletableFuture().join();
    }
}
