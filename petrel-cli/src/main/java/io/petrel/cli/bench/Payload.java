package io.petrel.cli.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * The header every benchmark payload starts with: the wall-clock send time in nanoseconds, the stream it
 * belongs to (run id and publisher index) and its sequence number. The rest is padding up to the payload size.
 * Subscribers read end-to-end latency from the time, and loss, duplicates and reordering from the sequence.
 */
final class Payload {
    /** Bytes of header: time (8), run id (4), publisher (4), sequence (8). */
    static final int HEADER = 24;

    private Payload() {
    }

    static ByteBuf write(ByteBufAllocator alloc, int size, long sentAtNanos, int runId, int publisher, long sequence) {
        ByteBuf buf = alloc.buffer(size);
        buf.writeLong(sentAtNanos).writeInt(runId).writeInt(publisher).writeLong(sequence);
        buf.writeZero(size - HEADER);
        return buf;
    }

    /** Whether a payload carries the header; messages of other publishers may not. */
    static boolean readable(ByteBuf payload) {
        return payload.readableBytes() >= HEADER;
    }

    static long sentAtNanos(ByteBuf payload) {
        return payload.getLong(payload.readerIndex());
    }

    /** The stream a message belongs to: run id and publisher index in one long. */
    static long stream(ByteBuf payload) {
        return payload.getLong(payload.readerIndex() + 8);
    }

    static long sequence(ByteBuf payload) {
        return payload.getLong(payload.readerIndex() + 16);
    }
}
