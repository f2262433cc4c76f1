package io.petrel.security.limit;

import io.github.bucket4j.TimeMeter;
import java.time.InstantSource;

/** Bucket4j's time from an {@link InstantSource}, so that tests control refills with a manual clock. */
final class ClockTimeMeter implements TimeMeter {
    private final InstantSource clock;

    ClockTimeMeter(InstantSource clock) {
        this.clock = clock;
    }

    @Override
    public long currentTimeNanos() {
        return clock.millis() * 1_000_000L;
    }

    @Override
    public boolean isWallClockBased() {
        return true;
    }
}
