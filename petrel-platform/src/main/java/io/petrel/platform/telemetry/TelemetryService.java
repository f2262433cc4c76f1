package io.petrel.platform.telemetry;

import io.petrel.api.store.platform.Aggregation;
import io.petrel.api.store.platform.SortOrder;
import io.petrel.api.store.platform.TelemetryStore;
import io.petrel.api.store.platform.TsEntry;
import io.petrel.api.store.platform.TsPoint;
import io.petrel.platform.Result;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadFactory;
import org.jspecify.annotations.Nullable;

/**
 * Telemetry writes, batched off the callers' threads, and the queries of the REST API. Queries block on the
 * store and are checked first, so a bad one is a problem rather than an exception.
 */
public final class TelemetryService implements AutoCloseable {
    /** The most points a range query returns. */
    public static final int MAX_LIMIT = 10_000;
    /** The most intervals an aggregate query may span. */
    public static final long MAX_INTERVALS = 10_000;

    private final TelemetryStore store;
    private final TelemetryWriter writer;

    /**
     * @param store where telemetry is kept
     * @param maxBatchPoints the most points stored in one commit
     * @param threads makes the writer thread
     */
    public TelemetryService(TelemetryStore store, int maxBatchPoints, ThreadFactory threads) {
        this.store = store;
        this.writer = new TelemetryWriter(store, maxBatchPoints, threads);
    }

    /** Starts the writer thread. */
    public void start() {
        writer.start();
    }

    /** Queues points; the stage completes once they are committed, or fails if the store failed. */
    public CompletionStage<Void> write(List<TsPoint> points) {
        return points.isEmpty() ? CompletableFuture.completedFuture(null) : writer.submit(points);
    }

    /** Writes queued and not yet stored. */
    public int backlog() {
        return writer.backlog();
    }

    /** The latest values of a device: of the given keys, or of all keys when null. */
    public List<TsEntry> latest(UUID deviceId, @Nullable Collection<String> keys) {
        return keys == null ? store.latest(deviceId) : store.latest(deviceId, keys);
    }

    /** The points of one key in {@code [fromTs, toTs)}, at most {@code limit}. */
    public Result<List<TsEntry>> range(UUID deviceId, String key, long fromTs, long toTs, int limit,
            SortOrder order) {
        if (fromTs >= toTs) {
            return Result.fail("startTs must be before endTs");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            return Result.fail("limit must be between 1 and %d", MAX_LIMIT);
        }
        return Result.ok(store.range(deviceId, key, fromTs, toTs, limit, order));
    }

    /** The points of one key in {@code [fromTs, toTs)}, combined per interval. */
    public Result<List<TsEntry>> aggregate(UUID deviceId, String key, long fromTs, long toTs, long intervalMillis,
            Aggregation aggregation) {
        if (fromTs >= toTs) {
            return Result.fail("startTs must be before endTs");
        }
        if (intervalMillis < 1) {
            return Result.fail("interval must be at least 1 ms");
        }
        if ((toTs - fromTs) / intervalMillis > MAX_INTERVALS) {
            return Result.fail("the range spans more than %d intervals; use a longer interval", MAX_INTERVALS);
        }
        return Result.ok(store.aggregate(deviceId, key, fromTs, toTs, intervalMillis, aggregation));
    }

    /** Stores what is queued, then stops the writer. */
    @Override
    public void close() {
        writer.close();
    }
}
