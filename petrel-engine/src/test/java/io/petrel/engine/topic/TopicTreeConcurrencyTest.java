package io.petrel.engine.topic;

import static org.assertj.core.api.Assertions.assertThat;

import io.petrel.api.QoS;
import io.petrel.api.topic.TopicFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The tree is matched without locks while subscriptions change: matches never fail and never miss a
 * subscription that exists for the whole walk, and pruning leaves nothing behind.
 */
class TopicTreeConcurrencyTest {
    private static final int ROUNDS = 2_000;

    @Test
    void matchingWhileSubscribersComeAndGo() throws Exception {
        TopicTree<String> tree = new TopicTree<>();
        tree.subscribe(subscription("stable", "a/+/c/#"));
        AtomicBoolean writing = new AtomicBoolean(true);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                String subscriber = "w" + w;
                writers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < ROUNDS; i++) {
                        String filter = switch (i % 4) {
                            case 0 -> "a/b/c";
                            case 1 -> "a/+/c/d/e";
                            case 2 -> "$share/g/a/#";
                            default -> "a/b/" + i;
                        };
                        tree.subscribe(subscription(subscriber, filter));
                        tree.unsubscribe(subscriber, TopicFilter.parse(filter));
                    }
                    return null;
                }));
            }
            Future<Integer> reader = pool.submit(() -> {
                start.await();
                int walks = 0;
                while (writing.get() || walks < ROUNDS) {
                    List<String> found = new ArrayList<>();
                    tree.match("a/b/c/d/e", new MatchVisitor<>() {
                        @Override
                        public void onSubscription(Subscription<String> subscription) {
                            found.add(subscription.subscriber());
                        }

                        @Override
                        public void onSharedGroup(SharedGroup<String> group) {
                            group.pick(s -> true, null);
                        }
                    });
                    assertThat(found).contains("stable");
                    walks++;
                }
                return walks;
            });
            start.countDown();
            for (Future<?> writer : writers) {
                writer.get(30, TimeUnit.SECONDS);
            }
            writing.set(false);
            assertThat(reader.get(30, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(ROUNDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(tree.size()).isOne();
        assertThat(tree.sharedSize()).isZero();
        assertThat(tree.nodeCount()).as("a, a/+, a/+/c, a/+/c/#").isEqualTo(4);
    }

    private static Subscription<String> subscription(String subscriber, String filter) {
        return new Subscription<>(subscriber, TopicFilter.parse(filter), SubscriptionOptions.v3(QoS.AT_MOST_ONCE), 0);
    }
}
