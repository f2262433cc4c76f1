package io.petrel.mqtt.transport;

import java.util.Locale;

/** Which Netty transport carries the sockets. */
public enum TransportKind {
    /** The best available: epoll on Linux, else NIO. */
    AUTO,
    /** Linux epoll. */
    EPOLL,
    /** Linux io_uring. */
    IO_URING,
    /** Java NIO, available everywhere. */
    NIO;

    /** Parses a configuration value such as {@code io_uring}. */
    public static TransportKind parse(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
