package io.petrel.mqtt.framing;

import io.netty.buffer.ByteBuf;

/**
 * Reads the Variable Byte Integers of MQTT (§1.5.5) from raw bytes without moving the reader index: the
 * remaining length of a fixed header, property lengths, property identifiers and subscription identifiers.
 * A result packs the value and the number of bytes it took, so that the hot path allocates nothing.
 */
final class VariableByteInteger {
    /** The bytes end before the integer does. */
    static final long INCOMPLETE = -1;
    /** The integer does not end within four bytes [MQTT-1.5.5-1]. */
    static final long MALFORMED = -2;

    private static final int MAX_BYTES = 4;

    private VariableByteInteger() {
    }

    /**
     * Reads the integer that starts at {@code at}, looking no further than {@code end} (exclusive).
     *
     * @return the value and its length, to take apart with {@link #value} and {@link #length}; or
     *         {@link #INCOMPLETE} or {@link #MALFORMED}
     */
    static long read(ByteBuf bytes, int at, int end) {
        int value = 0;
        for (int i = 0; i < MAX_BYTES; i++) {
            if (at + i >= end) {
                return INCOMPLETE;
            }
            int digit = bytes.getByte(at + i);
            value |= (digit & 0x7F) << (7 * i);
            if ((digit & 0x80) == 0) {
                return (long) value << 32 | (i + 1);
            }
        }
        return MALFORMED;
    }

    static int value(long read) {
        return (int) (read >>> 32);
    }

    static int length(long read) {
        return (int) read;
    }
}
