package io.petrel.benchmarks;

import io.petrel.api.QoS;
import io.petrel.api.topic.TopicFilter;
import io.petrel.engine.topic.MatchVisitor;
import io.petrel.engine.topic.SharedGroup;
import io.petrel.engine.topic.Subscription;
import io.petrel.engine.topic.SubscriptionOptions;
import io.petrel.engine.topic.TopicTree;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Matching a topic against 100,000 subscriptions, a fifth of them with wildcards: 80,000 exact device
 * filters, 5,000 with {@code +} at the end, 5,000 with {@code +} in the middle, 5,000 {@code fleet/g/#} and
 * 5,000 {@code +/+/device/d/#}. A published topic matches its exact filter and a handful of wildcard ones.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TopicMatchBenchmark {
    private static final int SUBSCRIPTIONS = 100_000;
    private static final int GROUPS = 1_000;
    private static final int TOPICS = 4_096;

    private final TopicTree<Integer> tree = new TopicTree<>();
    private final String[] hits = new String[TOPICS];
    private final String[] misses = new String[TOPICS];
    private int next;

    @Setup
    public void setUp() {
        SubscriptionOptions options = SubscriptionOptions.v3(QoS.AT_MOST_ONCE);
        for (int i = 0; i < SUBSCRIPTIONS; i++) {
            int group = i % GROUPS;
            String filter;
            if (i < 80_000) {
                filter = "fleet/" + group + "/device/" + i + "/telemetry";
            } else if (i < 85_000) {
                filter = "fleet/" + group + "/device/" + (i - 80_000) + "/+";
            } else if (i < 90_000) {
                filter = "fleet/" + group + "/+/" + (i - 85_000) + "/telemetry";
            } else if (i < 95_000) {
                filter = "fleet/" + group + "/#";
            } else {
                filter = "+/+/device/" + (i - 95_000) + "/#";
            }
            tree.subscribe(new Subscription<>(i, TopicFilter.parse(filter), options, 0));
        }
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < TOPICS; i++) {
            int device = random.nextInt(80_000);
            hits[i] = "fleet/" + (device % GROUPS) + "/device/" + device + "/telemetry";
            misses[i] = "other/" + device + "/device/x/status";
        }
    }

    @Benchmark
    public void matchHit(Blackhole blackhole) {
        tree.match(hits[next++ & (TOPICS - 1)], new Counting(blackhole));
    }

    @Benchmark
    public void matchMiss(Blackhole blackhole) {
        tree.match(misses[next++ & (TOPICS - 1)], new Counting(blackhole));
    }

    /** Hands every match to the blackhole, so that none is optimised away. */
    private record Counting(Blackhole blackhole) implements MatchVisitor<Integer> {
        @Override
        public void onSubscription(Subscription<Integer> subscription) {
            blackhole.consume(subscription);
        }

        @Override
        public void onSharedGroup(SharedGroup<Integer> group) {
            blackhole.consume(group);
        }
    }
}
