package io.petrel.cli.bench;

import io.netty.channel.ChannelFuture;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;

/**
 * Runs one scenario: connects the subscribers and subscribes them, connects the publishers, publishes for
 * the duration (or the count), waits for the last messages to arrive, and disconnects everyone. The calling
 * thread only orchestrates; every connection lives on the transport's event loops.
 */
final class BenchRun {
    /** Connections being set up at once. */
    private static final int CONNECT_CONCURRENCY = 200;
    /** How long receiving may stay idle before the run decides nothing more is coming. */
    private static final long DRAIN_QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(1500);
    /** What has not arrived this long after publishing stopped counts as lost. */
    private static final long DRAIN_MAX_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final BenchPlan plan;
    private final @Nullable PrintWriter progress;
    private final BenchStats stats = new BenchStats();
    private final int runId = ThreadLocalRandom.current().nextInt();
    private final List<BenchClient> clients = new ArrayList<>();
    private final List<Publisher> publishers = new ArrayList<>();
    private final List<Receiver> receivers = new ArrayList<>();
    private final Semaphore permits = new Semaphore(CONNECT_CONCURRENCY);
    private long firstConnect;

    /**
     * @param progress where the line printed every second goes, or null for none
     */
    BenchRun(BenchPlan plan, @Nullable PrintWriter progress) {
        this.plan = plan;
        this.progress = progress;
    }

    /**
     * Runs the plan.
     *
     * @param whileHolding for {@link Scenario#CONN}, called once every connection is up, before they are held
     *     for the duration; measurements of the broker at rest go there
     */
    BenchResult run(Runnable whileHolding) throws InterruptedException, SSLException {
        try (BenchTransport transport = new BenchTransport(plan.endpoint(), plan.threads(), plan.sourceAddresses(),
                plan.caFile(), plan.insecure(), plan.connect().keepAliveSeconds());
                Progress ticker = new Progress(progress, stats, plan.scenario())) {
            long connectStart = System.nanoTime();
            ticker.start();
            StreamBook shared = new StreamBook();
            for (int i = 0; i < plan.subscribers(); i++) {
                Receiver receiver = new Receiver(stats, plan.scenario().sharedStreams() ? shared : new StreamBook(), runId,
                        plan.scenario() == Scenario.SUB);
                receivers.add(receiver);
                open(transport, "s" + i, receiver, i);
            }
            int total = plan.connections();
            for (int i = plan.subscribers(); i < total; i++) {
                open(transport, plan.scenario() == Scenario.CONN ? "c" + i : "p" + (i - plan.subscribers()), null, i);
            }
            awaitConnected(total);
            long connectNanos = System.nanoTime() - connectStart;
            subscribeAll();
            Window window = publishAndDrain(whileHolding);
            BenchResult result = BenchResult.of(plan, stats, connectNanos, window, totals());
            disconnectAll();
            return result;
        }
    }

    private void open(BenchTransport transport, String suffix, @Nullable Receiver receiver, int index)
            throws InterruptedException {
        if (plan.connectRate() > 0) {
            long due = (long) (clients.size() * 1e9 / plan.connectRate());
            long wait = due - (System.nanoTime() - firstConnectNanos());
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
        }
        permits.acquire();
        BenchClient client = new BenchClient(plan.connect().clientIdPrefix() + suffix, plan.connect(), stats,
                transport.webSocket(), receiver);
        clients.add(client);
        ChannelFuture future = transport.connect(index, receiver != null, () -> client);
        future.addListener(f -> {
            if (!f.isSuccess()) {
                client.connected().completeExceptionally(f.cause());
            }
        });
        client.connected().whenComplete((c, error) -> {
            permits.release();
            if (error != null) {
                stats.connectFailed.increment();
            }
        });
    }

    private long firstConnectNanos() {
        if (firstConnect == 0) {
            firstConnect = System.nanoTime();
        }
        return firstConnect;
    }

    private void awaitConnected(int total) throws InterruptedException {
        CompletableFuture<?>[] all = clients.stream().map(BenchClient::connected).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(all).get(Math.max(60, total / 100), TimeUnit.SECONDS);
        } catch (Exception e) {
            // Failures are counted; the run goes on with the connections that made it.
        }
    }

    private void subscribeAll() {
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        for (int i = 0; i < plan.subscribers(); i++) {
            BenchClient client = clients.get(i);
            if (client.connected().isDone() && !client.connected().isCompletedExceptionally()) {
                pending.add(client.subscribe(Scenario.expand(plan.filter(), i), plan.subscribeQos()));
            }
        }
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            stats.refused.add(pending.stream().filter(CompletableFuture::isCompletedExceptionally).count());
        }
    }

    /**
     * How long publishing lasted and what arrived meanwhile: rates are taken over that window, while the
     * broker is under load, and not over the drain that follows.
     */
    record Window(long publishNanos, long receivedWhilePublishing) {
    }

    /** Publishes, then waits for what is still on its way. */
    private Window publishAndDrain(Runnable whileHolding) {
        long start = System.nanoTime();
        long deadline = start + plan.duration().toNanos();
        if (plan.scenario() == Scenario.CONN) {
            whileHolding.run();
            parkUntil(deadline);
            return new Window(System.nanoTime() - start, 0);
        }
        for (int i = plan.subscribers(); i < plan.connections(); i++) {
            BenchClient client = clients.get(i);
            if (client.connected().isDone() && !client.connected().isCompletedExceptionally()) {
                Publisher publisher = new Publisher(client, i - plan.subscribers(),
                        Scenario.expand(plan.topic(), i - plan.subscribers()), runId, plan.publish());
                client.publisher(publisher);
                publishers.add(publisher);
            }
        }
        publishers.forEach(p -> p.start(deadline));
        while (System.nanoTime() < deadline && !done()) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        publishers.forEach(p -> p.client().loop().execute(p::stop));
        long published = System.nanoTime() - start;
        long receivedWhilePublishing = stats.received.sum();
        long expected = expectedDeliveries();
        long lastProgress = progress();
        long lastChange = System.nanoTime();
        long drainStart = lastChange;
        while (System.nanoTime() - drainStart < DRAIN_MAX_NANOS && System.nanoTime() - lastChange < DRAIN_QUIET_NANOS
                && !complete(expected)) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            long now = progress();
            if (now != lastProgress) {
                lastProgress = now;
                lastChange = System.nanoTime();
            }
        }
        return new Window(published, receivedWhilePublishing);
    }

    private long progress() {
        return stats.received.sum() + stats.acked.sum();
    }

    /** Whether every message was delivered (when that is known) and every QoS 1 or 2 message acknowledged. */
    private boolean complete(long expectedDeliveries) {
        boolean delivered = !plan.scenario().subscribes()
                || (expectedDeliveries >= 0 && stats.received.sum() >= expectedDeliveries);
        return delivered && (plan.publish().qos() == 0 || stats.acked.sum() >= stats.sent.sum());
    }

    /** Whether every publisher sent its count, or for {@link Scenario#SUB} every subscriber received it. */
    private boolean done() {
        long count = plan.publish().count();
        if (count == 0) {
            return false;
        }
        if (plan.scenario() == Scenario.SUB) {
            return stats.received.sum() >= count * plan.subscribers();
        }
        return publishers.stream().allMatch(p -> p.sent() >= count);
    }

    private static void parkUntil(long deadline) {
        long now;
        while ((now = System.nanoTime()) < deadline) {
            LockSupport.parkNanos(Math.min(deadline - now, TimeUnit.MILLISECONDS.toNanos(100)));
        }
    }

    /** Which publishers a subscriber's filter takes in: all of them, or only its partner in p2p. */
    private List<Publisher> expectedFor(int subscriber) {
        if (plan.scenario() == Scenario.P2P) {
            return publishers.stream().filter(p -> p.stream() == (((long) runId << 32) | subscriber)).toList();
        }
        return plan.scenario() == Scenario.SUB ? List.of() : publishers;
    }

    private long expectedDeliveries() {
        if (plan.scenario() == Scenario.SUB) {
            return -1;
        }
        long sent = publishers.stream().mapToLong(Publisher::sent).sum();
        return switch (plan.scenario()) {
            case FANOUT -> sent * receivers.size();
            case FANIN, SHARED, P2P -> sent;
            default -> 0;
        };
    }

    private StreamBook.Totals totals() {
        Map<Long, Long> sentByStream = new HashMap<>();
        publishers.forEach(p -> sentByStream.put(p.stream(), p.sent()));
        StreamBook.Totals sum = new StreamBook.Totals(0, 0, 0, 0);
        List<StreamBook> counted = new ArrayList<>();
        for (int i = 0; i < receivers.size(); i++) {
            StreamBook book = receivers.get(i).book();
            if (counted.stream().anyMatch(b -> b == book)) {
                continue;
            }
            counted.add(book);
            long[] keys = expectedFor(i).stream().mapToLong(Publisher::stream).toArray();
            sum = sum.plus(book.totals(keys, key -> sentByStream.getOrDefault(key, -1L)));
        }
        return sum;
    }

    private void disconnectAll() {
        List<CompletableFuture<Void>> closed = new ArrayList<>();
        for (BenchClient client : clients) {
            if (client.connected().isDone() && !client.connected().isCompletedExceptionally()) {
                closed.add(client.disconnect());
            }
        }
        try {
            CompletableFuture.allOf(closed.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Whatever is still open is closed with the event loops.
        }
    }
}
