package io.petrel.cli.bench;

import io.netty.buffer.ByteBuf;

/** Counts what a subscriber receives, and reads latency and sequence from benchmark payloads. */
final class Receiver {
    private final BenchStats stats;
    private final StreamBook book;

    Receiver(BenchStats stats, StreamBook book) {
        this.stats = stats;
        this.book = book;
    }

    void onPublish(ByteBuf payload) {
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
