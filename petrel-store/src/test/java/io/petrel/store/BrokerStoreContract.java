package io.petrel.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.petrel.api.Message;
import io.petrel.api.MessageProperties;
import io.petrel.api.QoS;
import io.petrel.api.UserProperty;
import io.petrel.api.store.BrokerStore;
import io.petrel.api.store.DeliveryStage;
import io.petrel.api.store.PendingWill;
import io.petrel.api.store.QueuedMessage;
import io.petrel.api.store.StoredSession;
import io.petrel.api.store.StoredSubscription;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link BrokerStore} must do. Each implementation runs this suite through a subclass that says
 * how to open it and, for the durable ones, how to reopen it over the same data.
 */
public abstract class BrokerStoreContract {
    private static final Duration WAIT = Duration.ofSeconds(30);

    protected BrokerStore store;

    /** Opens an empty store. */
    protected abstract BrokerStore open();

    /** Whether the store keeps its data when closed and opened again. */
    protected abstract boolean durable();

    /** Closes the store and opens it again over the same data; only called when {@link #durable()}. */
    protected BrokerStore reopen(BrokerStore closed) {
        throw new UnsupportedOperationException();
    }

    @BeforeEach
    void openStore() {
        store = open();
    }

    @AfterEach
    void closeStore() {
        // Null when opening was skipped, as the PostgreSQL tests are without a server outside CI.
        if (store != null) {
            store.close();
        }
    }

    @Test
    void sessionComesBackWithSubscriptionsInboundQos2AndQueueSize() {
        await(store.saveSession("c1", 3600, 1_000L));
        StoredSubscription sub1 = new StoredSubscription("a/+", 1, false, false, 0, 0);
        StoredSubscription sub2 = new StoredSubscription("$share/g/b/#", 2, true, true, 2, 42);
        await(store.saveSubscription("c1", sub1));
        await(store.saveSubscription("c1", sub2));
        await(store.addInboundQos2("c1", 7));
        await(store.addInboundQos2("c1", 65_535));
        await(store.enqueue("c1", queued(5, 100, "a/1")));
        await(store.enqueue("c1", queued(9, 101, "a/2")));

        StoredSession session = single(sessions());
        assertThat(session.clientId()).isEqualTo("c1");
        assertThat(session.expiryIntervalSeconds()).isEqualTo(3600);
        assertThat(session.disconnectedAtMillis()).isEqualTo(1_000L);
        assertThat(session.subscriptions()).containsExactlyInAnyOrder(sub1, sub2);
        assertThat(session.inboundQos2()).containsExactlyInAnyOrder(7, 65_535);
        assertThat(session.queued()).isEqualTo(2);
        assertThat(session.lastSequence()).isEqualTo(9);
    }

    @Test
    void sessionWithoutStateComesBackEmpty() {
        await(store.saveSession("bare", 0xFFFF_FFFFL, -1));
        StoredSession session = single(sessions());
        assertThat(session.expiryIntervalSeconds()).isEqualTo(0xFFFF_FFFFL);
        assertThat(session.disconnectedAtMillis()).isEqualTo(-1);
        assertThat(session.subscriptions()).isEmpty();
        assertThat(session.inboundQos2()).isEmpty();
        assertThat(session.queued()).isZero();
        assertThat(session.lastSequence()).isZero();
    }

    @Test
    void savingASessionAgainUpdatesIt() {
        await(store.saveSession("c1", 60, -1));
        await(store.saveSession("c1", 120, 5_000L));
        StoredSession session = single(sessions());
        assertThat(session.expiryIntervalSeconds()).isEqualTo(120);
        assertThat(session.disconnectedAtMillis()).isEqualTo(5_000L);
    }

    @Test
    void deletingASessionDeletesEverythingItOwnsAndNothingElse() {
        for (String id : List.of("gone", "kept")) {
            await(store.saveSession(id, 60, -1));
            await(store.saveSubscription(id, new StoredSubscription("t/#", 1, false, false, 0, 0)));
            await(store.addInboundQos2(id, 1));
            await(store.enqueue(id, queued(1, 500, "t/x")));
            await(store.saveWill(new PendingWill(id, message("will/" + id), 9_000L)));
        }
        await(store.deleteSession("gone"));

        assertThat(sessions()).extracting(StoredSession::clientId).containsExactly("kept");
        assertThat(read("gone", 0, 10)).isEmpty();
        assertThat(read("kept", 0, 10)).extracting(QueuedMessage::messageId).containsExactly(500L);
        assertThat(wills()).extracting(PendingWill::clientId).containsExactly("kept");
        assertThat(store.check()).isEmpty();
    }

    @Test
    void subscriptionsAreReplacedByFilterAndDeleted() {
        await(store.saveSession("c1", 60, -1));
        await(store.saveSubscription("c1", new StoredSubscription("x/y", 0, false, false, 0, 0)));
        StoredSubscription replaced = new StoredSubscription("x/y", 2, true, true, 1, 9);
        await(store.saveSubscription("c1", replaced));
        await(store.saveSubscription("c1", new StoredSubscription("z", 1, false, false, 0, 0)));
        await(store.deleteSubscription("c1", "z"));
        await(store.deleteSubscription("c1", "never-subscribed"));

        assertThat(single(sessions()).subscriptions()).containsExactly(replaced);
    }

    @Test
    void queueIsReadInSequenceOrderPageByPage() {
        await(store.saveSession("c1", 60, -1));
        for (long seq = 10; seq >= 1; seq--) {
            store.enqueue("c1", queued(seq, 1000 + seq, "q/" + seq));
        }
        assertThat(read("c1", 0, 4)).extracting(QueuedMessage::sequence).containsExactly(1L, 2L, 3L, 4L);
        assertThat(read("c1", 4, 4)).extracting(QueuedMessage::sequence).containsExactly(5L, 6L, 7L, 8L);
        assertThat(read("c1", 8, 4)).extracting(QueuedMessage::sequence).containsExactly(9L, 10L);
        assertThat(read("c1", 10, 4)).isEmpty();
        assertThat(read("nobody", 0, 4)).isEmpty();
    }

    @Test
    void queuedMessagesKeepEveryFieldOfTheMessageAndTheDelivery() {
        await(store.saveSession("c1", 60, -1));
        QueuedMessage full = new QueuedMessage(1, 77, richMessage(), 2, true, new int[] {3, 70_000}, 0,
                DeliveryStage.QUEUED);
        QueuedMessage plain = QueuedMessage.queued(2, 78,
                Message.of("plain", new byte[0], QoS.AT_MOST_ONCE, false), 0, false, new int[0]);
        await(store.enqueue("c1", full));
        await(store.enqueue("c1", plain));

        assertThat(read("c1", 0, 10)).containsExactly(full, plain);
    }

    @Test
    void deliveryStagesAndPacketIdsAreRecorded() {
        await(store.saveSession("c1", 60, -1));
        await(store.enqueue("c1", queued(1, 1, "a")));
        await(store.enqueue("c1", queued(2, 2, "b")));
        await(store.enqueue("c1", queued(3, 3, "c")));
        await(store.updateDelivery("c1", 1, 11, DeliveryStage.PUBLISHED));
        await(store.updateDelivery("c1", 2, 12, DeliveryStage.PUBLISHED));
        await(store.updateDelivery("c1", 2, 12, DeliveryStage.RELEASED));

        List<QueuedMessage> queue = read("c1", 0, 10);
        assertThat(queue).extracting(QueuedMessage::packetId).containsExactly(11, 12, 0);
        assertThat(queue).extracting(QueuedMessage::stage)
                .containsExactly(DeliveryStage.PUBLISHED, DeliveryStage.RELEASED, DeliveryStage.QUEUED);

        await(store.removeDelivery("c1", 1, 1));
        await(store.removeDelivery("c1", 3, 3));
        assertThat(read("c1", 0, 10)).extracting(QueuedMessage::sequence).containsExactly(2L);
        assertThat(single(sessions()).queued()).isEqualTo(1);
        assertThat(store.check()).isEmpty();
    }

    @Test
    void oneMessageQueuedForManySessionsStaysReadableUntilTheLastCopyGoes() {
        Message shared = richMessage();
        for (String id : List.of("a", "b", "c")) {
            await(store.saveSession(id, 60, -1));
            await(store.enqueue(id, QueuedMessage.queued(1, 42, shared, 1, false, new int[0])));
        }
        await(store.removeDelivery("a", 1, 42));
        await(store.deleteSession("b"));

        assertThat(read("c", 0, 10)).extracting(QueuedMessage::message).containsExactly(shared);
        assertThat(store.lastMessageId()).isEqualTo(42);
        await(store.removeDelivery("c", 1, 42));
        assertThat(read("c", 0, 10)).isEmpty();
        assertThat(store.check()).isEmpty();
        // Once no queue holds it, a message id may be used again without harm.
        await(store.enqueue("c", QueuedMessage.queued(2, 42, message("again"), 1, false, new int[0])));
        assertThat(read("c", 0, 10)).extracting(q -> q.message().topic()).containsExactly("again");
    }

    @Test
    void lastMessageIdIsTheHighestQueued() {
        assertThat(store.lastMessageId()).isZero();
        await(store.saveSession("c1", 60, -1));
        await(store.enqueue("c1", queued(1, 900, "a")));
        await(store.enqueue("c1", queued(2, 17, "b")));
        assertThat(store.lastMessageId()).isEqualTo(900);
    }

    @Test
    void inboundQos2PacketIdsAreAddedOnceAndRemoved() {
        await(store.saveSession("c1", 60, -1));
        await(store.addInboundQos2("c1", 5));
        await(store.addInboundQos2("c1", 5));
        await(store.addInboundQos2("c1", 6));
        await(store.removeInboundQos2("c1", 5));
        await(store.removeInboundQos2("c1", 99));
        assertThat(single(sessions()).inboundQos2()).containsExactly(6);
    }

    @Test
    void retainedMessagesArePutReplacedAndRemovedByTopic() {
        await(store.putRetained(retainedOn("r/1", "one")));
        await(store.putRetained(retainedOn("r/2", "two")));
        Message rich = new Message("r/1", "uno".getBytes(StandardCharsets.UTF_8), QoS.AT_LEAST_ONCE, true,
                richMessage().properties(), 1_900_000_000_000L, null);
        await(store.putRetained(rich));
        await(store.putRetained(retainedOn("r/3", "three")));
        await(store.removeRetained("r/3"));
        await(store.removeRetained("never"));

        Map<String, Message> retained = retained();
        assertThat(retained).containsOnlyKeys("r/1", "r/2");
        assertThat(retained.get("r/1")).isEqualTo(rich);
        assertThat(retained.get("r/2")).isEqualTo(retainedOn("r/2", "two"));
    }

    @Test
    void willsAreSavedReplacedAndDeleted() {
        await(store.saveSession("c1", 60, 1_000));
        await(store.saveSession("c2", 60, 1_000));
        await(store.saveWill(new PendingWill("c1", message("first"), 5_000)));
        PendingWill replaced = new PendingWill("c1", richMessage(), 6_000);
        await(store.saveWill(replaced));
        await(store.saveWill(new PendingWill("c2", message("c2"), 7_000)));
        await(store.deleteWill("c2"));

        assertThat(wills()).containsExactly(replaced);
    }

    @Test
    void writesApplyInTheOrderTheyWereMadeWithoutWaiting() {
        store.saveSession("c1", 10, -1);
        store.saveSubscription("c1", new StoredSubscription("f", 0, false, false, 0, 0));
        store.deleteSession("c1");
        store.saveSession("c1", 20, -1);
        store.saveSubscription("c1", new StoredSubscription("f", 2, false, false, 0, 0));
        store.deleteSubscription("c1", "f");
        store.saveSubscription("c1", new StoredSubscription("f", 1, false, false, 0, 0));
        store.enqueue("c1", queued(1, 1, "a"));
        store.updateDelivery("c1", 1, 5, DeliveryStage.PUBLISHED);
        store.removeDelivery("c1", 1, 1);
        store.enqueue("c1", queued(2, 2, "b"));
        store.addInboundQos2("c1", 3);
        store.removeInboundQos2("c1", 3);
        store.addInboundQos2("c1", 4);
        await(store.flush());

        StoredSession session = single(sessions());
        assertThat(session.expiryIntervalSeconds()).isEqualTo(20);
        assertThat(session.subscriptions()).extracting(StoredSubscription::qos).containsExactly(1);
        assertThat(session.inboundQos2()).containsExactly(4);
        assertThat(read("c1", 0, 10)).extracting(QueuedMessage::sequence).containsExactly(2L);
    }

    @Test
    void aQueueReadSeesEveryWriteMadeBeforeIt() {
        store.saveSession("c1", 60, -1);
        for (int seq = 1; seq <= 200; seq++) {
            store.enqueue("c1", queued(seq, seq, "t"));
        }
        store.removeDelivery("c1", 1, 1);
        assertThat(read("c1", 0, 1000)).hasSize(199).first().extracting(QueuedMessage::sequence).isEqualTo(2L);
    }

    @Test
    void writesFromManyThreadsAreAllCommitted() throws Exception {
        int threads = 4;
        int perThread = 500;
        List<CompletionStage<Void>> stages = new CopyOnWriteArrayList<>();
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String clientId = "w" + t;
            long base = t * 10_000L;
            writers.add(Thread.ofPlatform().start(() -> {
                stages.add(store.saveSession(clientId, 60, -1));
                for (int i = 1; i <= perThread; i++) {
                    stages.add(store.enqueue(clientId, queued(i, base + i, "w")));
                }
            }));
        }
        for (Thread writer : writers) {
            writer.join(WAIT.toMillis());
        }
        CompletableFuture.allOf(stages.stream().map(CompletionStage::toCompletableFuture)
                .toArray(CompletableFuture[]::new)).get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(sessions()).hasSize(threads).allSatisfy(s -> assertThat(s.queued()).isEqualTo(perThread));
        assertThat(read("w2", 0, perThread + 1)).hasSize(perThread);
    }

    @Test
    void aSoundStorePassesItsCheck() {
        await(store.saveSession("c1", 60, -1));
        await(store.saveSubscription("c1", new StoredSubscription("a", 1, false, false, 0, 0)));
        await(store.enqueue("c1", queued(1, 1, "a")));
        await(store.updateDelivery("c1", 1, 1, DeliveryStage.PUBLISHED));
        await(store.putRetained(retainedOn("r", "x")));
        assertThat(store.check()).isEmpty();
    }

    @Test
    void everythingSurvivesAReopen() {
        assumeTrue(durable(), "only durable stores keep data across a reopen");
        await(store.saveSession("c1", 300, 12_345));
        await(store.saveSubscription("c1", new StoredSubscription("a/#", 2, false, true, 1, 5)));
        await(store.addInboundQos2("c1", 8));
        QueuedMessage inflight = new QueuedMessage(1, 10, richMessage(), 2, false, new int[] {5}, 33,
                DeliveryStage.RELEASED);
        await(store.enqueue("c1", inflight));
        await(store.putRetained(retainedOn("r/x", "kept")));
        await(store.saveWill(new PendingWill("c1", message("w"), 99_000)));

        store = reopen(store);

        StoredSession session = single(sessions());
        assertThat(session.subscriptions()).containsExactly(new StoredSubscription("a/#", 2, false, true, 1, 5));
        assertThat(session.inboundQos2()).containsExactly(8);
        assertThat(session.disconnectedAtMillis()).isEqualTo(12_345);
        assertThat(read("c1", 0, 10)).containsExactly(inflight);
        assertThat(retained()).containsOnlyKeys("r/x");
        assertThat(wills()).containsExactly(new PendingWill("c1", message("w"), 99_000));
        assertThat(store.lastMessageId()).isEqualTo(10);
    }

    @Test
    void closingCommitsWritesThatWereNotAwaited() {
        assumeTrue(durable(), "only durable stores keep data across a reopen");
        store.saveSession("c1", 60, -1);
        for (int seq = 1; seq <= 1000; seq++) {
            store.enqueue("c1", queued(seq, seq, "t"));
        }
        store = reopen(store);
        assertThat(single(sessions()).queued()).isEqualTo(1000);
    }

    // ---- helpers

    protected static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("store operation did not complete", e);
        }
    }

    protected List<StoredSession> sessions() {
        List<StoredSession> sessions = new ArrayList<>();
        store.loadSessions(sessions::add);
        return sessions;
    }

    protected List<QueuedMessage> read(String clientId, long after, int limit) {
        return await(store.readQueue(clientId, after, limit));
    }

    private Map<String, Message> retained() {
        Map<String, Message> retained = new HashMap<>();
        store.loadRetained(m -> retained.put(m.topic(), m));
        return retained;
    }

    private List<PendingWill> wills() {
        List<PendingWill> wills = new ArrayList<>();
        store.loadWills(wills::add);
        return wills;
    }

    private static <T> T single(List<T> items) {
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    protected static QueuedMessage queued(long sequence, long messageId, String topic) {
        return QueuedMessage.queued(sequence, messageId, message(topic), 1, false, new int[0]);
    }

    protected static Message message(String topic) {
        return Message.of(topic, ("payload of " + topic).getBytes(StandardCharsets.UTF_8), QoS.AT_LEAST_ONCE, false);
    }

    private static Message retainedOn(String topic, String payload) {
        return Message.of(topic, payload.getBytes(StandardCharsets.UTF_8), QoS.AT_MOST_ONCE, true);
    }

    private static Message richMessage() {
        MessageProperties properties = MessageProperties.of(true, "application/json", "reply/to",
                new byte[] {0, 1, (byte) 0xFF}, List.of(new UserProperty("k", "v1"), new UserProperty("k", "v2"),
                        new UserProperty("ü", "\uD83D\uDE00")));
        return new Message("rich/topic/ü", "{\"a\":1}".getBytes(StandardCharsets.UTF_8), QoS.EXACTLY_ONCE, true,
                properties, 1_800_000_000_000L, "publisher-1");
    }
}
