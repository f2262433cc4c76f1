package io.petrel.platform.telemetry;

import io.petrel.api.store.platform.TelemetryStore;
import io.petrel.api.store.platform.TsPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread that takes telemetry writes from a queue and stores them in batches, so that many small
 * messages cost one commit. A write's stage completes once its batch is committed.
 *
 * <p>Nothing is dropped and callers never block. What bounds the queue is upstream: a write completes only
 * when stored, each device session holds at most its in-flight limit of undecided publishes and stops
 * reading its connection beyond that, so a slow store slows the devices rather than filling the heap.
 */
final class TelemetryWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TelemetryWriter.class);

    private record Write(List<TsPoint> points, CompletableFuture<Void> done) {
    }

    private final TelemetryStore store;
    private final int maxBatchPoints;
    private final BlockingQueue<Write> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean running = true;

    TelemetryWriter(TelemetryStore store, int maxBatchPoints, ThreadFactory threads) {
        this.store = store;
        this.maxBatchPoints = maxBatchPoints;
        this.thread = threads.newThread(this::run);
    }

    void start() {
        thread.start();
    }

    CompletableFuture<Void> submit(List<TsPoint> points) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!running) {
            done.completeExceptionally(new IllegalStateException("the telemetry writer is stopped"));
            return done;
        }
        queue.add(new Write(points, done));
        return done;
    }

    /** Writes waiting to be stored. */
    int backlog() {
        return queue.size();
    }

    private void run() {
        List<Write> batch = new ArrayList<>();
        List<TsPoint> points = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Write first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                points.addAll(first.points());
                Write next;
                while (points.size() < maxBatchPoints && (next = queue.poll()) != null) {
                    batch.add(next);
                    points.addAll(next.points());
                }
                commit(batch, points);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
                points.clear();
            }
        }
    }

    private void commit(List<Write> batch, List<TsPoint> points) {
        try {
            store.append(points);
            batch.forEach(write -> write.done().complete(null));
        } catch (RuntimeException e) {
            LOG.error("Storing {} telemetry points failed", points.size(), e);
            batch.forEach(write -> write.done().completeExceptionally(e));
        }
    }

    /** Stores what is queued, then stops. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
