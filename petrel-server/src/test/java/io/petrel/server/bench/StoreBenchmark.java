package io.petrel.server.bench;

import io.petrel.api.Message;
import io.petrel.api.QoS;
import io.petrel.api.store.BrokerStore;
import io.petrel.api.store.QueuedMessage;
import io.petrel.api.store.StoredSession;
import io.petrel.api.store.StoredSubscription;
import io.petrel.api.topic.Topics;
import io.petrel.engine.retained.RetainedIndex;
import io.petrel.store.WriterLimits;
import io.petrel.store.jdbc.JdbcBrokerStore;
import io.petrel.store.jdbc.WriterStats;
import io.petrel.store.postgresql.PostgresBrokerStore;
import io.petrel.store.postgresql.PostgresOptions;
import io.petrel.store.sqlite.SqliteBrokerStore;
import io.petrel.store.sqlite.SqliteOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures the stores at the scale docs/benchmarks.md reports: group-commit write throughput, and startup
 * time and heap with many retained messages, many sessions and many offline queues. Not a test: run it with
 * {@code scripts/bench-store.sh}. Every phase is bounded in count.
 *
 * <p>Usage: {@code StoreBenchmark DIR writes|retained|sessions|queues [count] [postgresql-url]}.
 */
public final class StoreBenchmark {
    private static final byte[] PAYLOAD = "{\"temperature\":21.5,\"unit\":\"C\"}".getBytes(StandardCharsets.UTF_8);

    private StoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        String what = args[1];
        long count = args.length > 2 ? Long.parseLong(args[2]) : 0;
        String pgUrl = args.length > 3 ? args[3] : null;
        switch (what) {
            case "writes" -> writes(dir, count == 0 ? 200_000 : count, pgUrl);
            case "retained" -> retained(dir, count == 0 ? 1_000_000 : count);
            case "sessions" -> sessions(dir, count == 0 ? 100_000 : count);
            case "queues" -> queues(dir, count == 0 ? 10_000 : count, 1000);
            default -> throw new IllegalArgumentException(what);
        }
    }

    /** Enqueue and remove from 8 threads, each keeping up to 256 writes outstanding, as event loops would. */
    private static void writes(Path dir, long total, String pgUrl) throws Exception {
        for (boolean fsync : pgUrl == null ? new boolean[] {true, false} : new boolean[] {true}) {
            Path file = dir.resolve("writes-" + fsync + ".db");
            Files.deleteIfExists(file);
            try (JdbcBrokerStore store = pgUrl == null
                    ? SqliteBrokerStore.open(new SqliteOptions(file, fsync, WriterLimits.DEFAULT))
                    : PostgresBrokerStore.open(new PostgresOptions(pgUrl, null, null, 4, WriterLimits.DEFAULT))) {
                int threads = 8;
                long perThread = total / threads;
                AtomicLong messageIds = new AtomicLong();
                long started = System.nanoTime();
                List<Thread> writers = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    String clientId = "bench-" + t;
                    writers.add(Thread.ofPlatform().start(() -> {
                        Semaphore window = new Semaphore(256);
                        store.saveSession(clientId, 3600, -1);
                        for (long seq = 1; seq <= perThread; seq++) {
                            window.acquireUninterruptibly();
                            long id = messageIds.incrementAndGet();
                            Message message = Message.of("bench/" + clientId, PAYLOAD, QoS.AT_LEAST_ONCE, false);
                            store.enqueue(clientId, QueuedMessage.queued(seq, id, message, 1, false, new int[0]))
                                    .whenComplete((ok, error) -> window.release());
                        }
                        window.acquireUninterruptibly(256);
                    }));
                }
                for (Thread writer : writers) {
                    writer.join();
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                WriterStats stats = store.writerStats();
                System.out.printf(Locale.ROOT, "writes %s fsync=%s: %,d enqueues in %.2f s = %,.0f/s; %,d commits "
                        + "(%.0f writes per commit, %.2f ms per commit)%n", store.describe().endsWith(".db")
                        ? "sqlite" : "postgresql", fsync, stats.units(), seconds, stats.units() / seconds,
                        stats.commits(), (double) stats.units() / stats.commits(),
                        stats.commitNanos() / 1e6 / stats.commits());
            }
        }
    }

    private static void retained(Path dir, long count) throws Exception {
        Path file = fresh(dir, "retained.db");
        long started = System.nanoTime();
        try (SqliteBrokerStore store = SqliteBrokerStore.open(new SqliteOptions(file, true, WriterLimits.DEFAULT))) {
            CompletableFuture<Void> last = null;
            for (long i = 0; i < count; i++) {
                last = store.putRetained(Message.of(retainedTopic(i), PAYLOAD, QoS.AT_LEAST_ONCE, true))
                        .toCompletableFuture();
                if (i % 100_000 == 0) {
                    last.join();
                }
            }
            store.flush().toCompletableFuture().join();
        }
        report("retained: wrote %,d retained messages in %.1f s (%,d MiB on disk)", count, seconds(started),
                Files.size(file) >> 20);
        long heapBefore = usedHeap();
        started = System.nanoTime();
        RetainedIndex index = new RetainedIndex();
        try (SqliteBrokerStore store = SqliteBrokerStore.open(new SqliteOptions(file, true, WriterLimits.DEFAULT))) {
            store.loadRetained(index::put);
        }
        double loadSeconds = seconds(started);
        long heap = usedHeap() - heapBefore;
        report("retained: open + load of %,d into the topic index: %.2f s; heap %,d MiB (%d bytes per message)",
                index.size(), loadSeconds, heap >> 20, heap / Math.max(1, index.size()));
        String filter = "site/42/device/+/sensor/3";
        long matched = 0;
        started = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            long[] n = {0};
            index.match(filter, m -> n[0]++);
            matched = n[0];
        }
        double indexMs = seconds(started) * 1000 / 100;
        List<String> topics = new ArrayList<>((int) count);
        index.match("#", m -> topics.add(m.topic()));
        started = System.nanoTime();
        long scanned = 0;
        for (String topic : topics) {
            if (Topics.matches(filter, topic)) {
                scanned++;
            }
        }
        double scanMs = seconds(started) * 1000;
        report("retained: subscribe %s matches %,d of %,d: %.3f ms through the index, %.1f ms scanning every topic "
                + "(%,d)", filter, matched, index.size(), indexMs, scanMs, scanned);
    }

    private static void sessions(Path dir, long count) throws Exception {
        Path file = fresh(dir, "sessions.db");
        long started = System.nanoTime();
        try (SqliteBrokerStore store = SqliteBrokerStore.open(new SqliteOptions(file, true, WriterLimits.DEFAULT))) {
            for (long i = 0; i < count; i++) {
                String clientId = "device-" + i;
                store.saveSession(clientId, 86_400, System.currentTimeMillis());
                store.saveSubscription(clientId, new StoredSubscription("cmd/" + clientId + "/#", 1, false, false, 0, 0));
                store.saveSubscription(clientId, new StoredSubscription("broadcast/+", 1, false, false, 0, 0));
                if (i % 10_000 == 0) {
                    store.flush().toCompletableFuture().join();
                }
            }
            store.flush().toCompletableFuture().join();
        }
        report("sessions: wrote %,d sessions with 2 subscriptions each in %.1f s (%,d MiB on disk)", count,
                seconds(started), Files.size(file) >> 20);
        long heapBefore = usedHeap();
        started = System.nanoTime();
        List<StoredSession> loaded = new ArrayList<>();
        try (SqliteBrokerStore store = SqliteBrokerStore.open(new SqliteOptions(file, true, WriterLimits.DEFAULT))) {
            store.loadSessions(loaded::add);
        }
        double loadSeconds = seconds(started);
        long heap = usedHeap() - heapBefore;
        report("sessions: open + load of %,d sessions: %.2f s; heap of the loaded records %,d MiB", loaded.size(),
                loadSeconds, heap >> 20);
    }

    /** Every message goes to every session, so each body is stored once and queued {@code sessions} times. */
    private static void queues(Path dir, long sessions, int perSession) throws Exception {
        Path file = fresh(dir, "queues.db");
        long started = System.nanoTime();
        try (SqliteBrokerStore store = SqliteBrokerStore.open(new SqliteOptions(file, true, WriterLimits.DEFAULT))) {
            for (long s = 0; s < sessions; s++) {
                store.saveSession("offline-" + s, 86_400, System.currentTimeMillis());
            }
            for (int m = 1; m <= perSession; m++) {
                Message message = Message.of("fleet/update/" + m, PAYLOAD, QoS.AT_LEAST_ONCE, false);
                for (long s = 0; s < sessions; s++) {
                    store.enqueue("offline-" + s, QueuedMessage.queued(m, m, message, 1, false, new int[0]));
                }
                store.flush().toCompletableFuture().join();
            }
        }
        report("queues: queued %,d messages for each of %,d offline sessions (%,d rows) in %.1f s; %,d MiB on disk",
                perSession, sessions, sessions * perSession, seconds(started), Files.size(file) >> 20);
        long heapBefore = usedHeap();
        started = System.nanoTime();
        long[] queued = {0};
        int[] count = {0};
        try (SqliteBrokerStore store = SqliteBrokerStore.open(new SqliteOptions(file, true, WriterLimits.DEFAULT))) {
            store.loadSessions(session -> {
                queued[0] += session.queued();
                count[0]++;
            });
            double loadSeconds = seconds(started);
            long heap = usedHeap() - heapBefore;
            report("queues: startup load of %,d sessions holding %,d queued messages: %.2f s; heap %,d MiB",
                    count[0], queued[0], loadSeconds, heap >> 20);
            started = System.nanoTime();
            long read = 0;
            for (long after = 0; ; ) {
                List<QueuedMessage> page = store.readQueue("offline-7", after, 100).toCompletableFuture().join();
                if (page.isEmpty()) {
                    break;
                }
                read += page.size();
                after = page.get(page.size() - 1).sequence();
            }
            report("queues: one reconnecting session reads its %,d messages in pages of 100: %.1f ms", read,
                    seconds(started) * 1000);
        }
    }

    private static String retainedTopic(long i) {
        return "site/" + (i / 10_000) + "/device/" + (i / 10 % 1000) + "/sensor/" + (i % 10);
    }

    private static Path fresh(Path dir, String name) throws Exception {
        Path file = dir.resolve(name);
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(dir.resolve(name + suffix));
        }
        return file;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            TimeUnit.MILLISECONDS.sleep(100);
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static void report(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
