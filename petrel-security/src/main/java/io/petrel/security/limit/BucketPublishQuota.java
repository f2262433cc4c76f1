package io.petrel.security.limit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.local.SynchronizationStrategy;
import io.petrel.api.limit.PublishQuota;
import java.time.Duration;
import java.time.InstantSource;
import org.jspecify.annotations.Nullable;

/**
 * One client's publish rate, in messages and payload bytes per second, as two Bucket4j token buckets. Each
 * bucket is used by the client's own event loop only, so it needs no synchronization at all. A message larger
 * than a second's worth of bytes is charged one full second, so that it can pass at all.
 */
final class BucketPublishQuota implements PublishQuota {
    private final @Nullable Bucket messages;
    private final @Nullable Bucket bytes;
    private final long bytesCapacity;

    BucketPublishQuota(int messagesPerSecond, long bytesPerSecond, InstantSource clock) {
        this.messages = messagesPerSecond > 0 ? bucket(messagesPerSecond, clock) : null;
        this.bytes = bytesPerSecond > 0 ? bucket(bytesPerSecond, clock) : null;
        this.bytesCapacity = bytesPerSecond;
    }

    private static Bucket bucket(long perSecond, InstantSource clock) {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(perSecond).refillGreedy(perSecond, Duration.ofSeconds(1)))
                .withSynchronizationStrategy(SynchronizationStrategy.NONE)
                .withCustomTimePrecision(new ClockTimeMeter(clock))
                .build();
    }

    @Override
    public boolean tryAcquire(int payloadBytes) {
        if (messages != null && !messages.tryConsume(1)) {
            return false;
        }
        if (bytes != null && !bytes.tryConsume(Math.max(1, Math.min(payloadBytes, bytesCapacity)))) {
            if (messages != null) {
                messages.addTokens(1);
            }
            return false;
        }
        return true;
    }

    @Override
    public long acquireOrPause(int payloadBytes) {
        if (tryAcquire(payloadBytes)) {
            return 0;
        }
        // Consumed into debt: the wait is how long the refill takes to pay it back.
        long wait = 0;
        if (messages != null) {
            wait = messages.consumeIgnoringRateLimits(1);
        }
        if (bytes != null) {
            wait = Math.max(wait, bytes.consumeIgnoringRateLimits(Math.max(1, Math.min(payloadBytes, bytesCapacity))));
        }
        return wait;
    }
}
