package io.petrel.cli.bench;

import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Sends one connection's messages: at a fixed rate, or as fast as flow control allows when the rate is 0
 * (QoS 0: while the socket is writable; QoS 1 and 2: while fewer than the window are unacknowledged). Runs
 * on its connection's event loop only.
 */
final class Publisher {
    /** Messages written before the loop gets a turn to read, when there is no rate. */
    private static final int BATCH = 64;
    /** The most a late tick catches up at once, so one publisher never holds its loop for long. */
    private static final int MAX_BURST = 1024;

    private final BenchClient client;
    private final int index;
    private final String topic;
    private final int runId;
    private final PublishSettings settings;
    private long startNanos;
    private long deadlineNanos;
    private volatile long sequence;
    private boolean stopped = true;
    private @Nullable ScheduledFuture<?> ticker;

    Publisher(BenchClient client, int index, String topic, int runId, PublishSettings settings) {
        this.client = client;
        this.index = index;
        this.topic = topic;
        this.runId = runId;
        this.settings = settings;
    }

    /** Starts publishing until the deadline (a {@link System#nanoTime()} value) or the message count. */
    void start(long deadline) {
        client.loop().execute(() -> {
            startNanos = System.nanoTime();
            deadlineNanos = deadline;
            stopped = false;
            if (settings.ratePerSecond() > 0) {
                long period = Math.max(TimeUnit.MILLISECONDS.toNanos(1),
                        Math.min(TimeUnit.MILLISECONDS.toNanos(50), (long) (1e9 / settings.ratePerSecond())));
                ticker = client.loop().scheduleAtFixedRate(this::pump, 0, period, TimeUnit.NANOSECONDS);
            } else {
                pump();
            }
        });
    }

    /** Sends what is due and what flow control allows; called by the ticker, on acks and on writability. */
    void pump() {
        if (stopped) {
            return;
        }
        long now = System.nanoTime();
        if (now >= deadlineNanos || (settings.count() > 0 && sequence >= settings.count())) {
            stop();
            return;
        }
        long due = settings.ratePerSecond() > 0
                ? (long) ((now - startNanos) * settings.ratePerSecond() / 1e9) + 1 - sequence : BATCH;
        if (settings.count() > 0) {
            due = Math.min(due, settings.count() - sequence);
        }
        int n = 0;
        while (n < due && n < MAX_BURST && client.canPublish(settings.qos(), settings.window())) {
            client.publish(topic, settings.qos(), settings.size(), runId, index, sequence);
            sequence++;
            n++;
        }
        client.flush();
        if (settings.ratePerSecond() == 0 && n == BATCH && client.canPublish(settings.qos(), settings.window())) {
            client.loop().execute(this::pump);
        }
    }

    void stop() {
        stopped = true;
        if (ticker != null) {
            ticker.cancel(false);
            ticker = null;
        }
    }

    BenchClient client() {
        return client;
    }

    /** Messages sent so far; also the next sequence number. */
    long sent() {
        return sequence;
    }

    /** The stream key subscribers see for this publisher's messages. */
    long stream() {
        return ((long) runId << 32) | (index & 0xFFFF_FFFFL);
    }
}
