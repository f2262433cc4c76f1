package io.petrel.cli.bench;

import io.netty.buffer.ByteBuf;

/**
 * Counts what a subscriber receives, and reads latency and sequence from benchmark payloads. When the run
 * publishes itself, messages of other runs (another bench process, or one that ran before on the same
 * broker) are counted apart, so that they neither end the run early nor hide a loss.
 */
final class Receiver {
    private final BenchStats stats;
    private final StreamBook book;
    private final int runId;
    private final boolean anyRun;

    /**
     * @param runId the run whose messages count
     * @param anyRun count every message, as {@link Scenario#SUB} does for publishers elsewhere
     */
    Receiver(BenchStats stats, StreamBook book, int runId, boolean anyRun) {
        this.stats = stats;
        this.book = book;
        this.runId = runId;
        this.anyRun = anyRun;
    }

    void onPublish(ByteBuf payload) {
        if (!anyRun && (!Payload.readable(payload) || (int) (Payload.stream(payload) >>> 32) != runId)) {
            stats.otherRuns.increment();
            return;
        }
        stats.received.increment();
        stats.bytesReceived.add(payload.readableBytes());
        if (Payload.readable(payload)) {
            stats.latency(WallClock.nanos() - Payload.sentAtNanos(payload));
            book.record(Payload.stream(payload), Payload.sequence(payload));
        }
    }

    StreamBook book() {
        return book;
    }
}
