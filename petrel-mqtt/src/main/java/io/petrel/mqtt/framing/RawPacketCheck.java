package io.petrel.mqtt.framing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.petrel.mqtt.framing.PropertySpec.Packets;
import org.jspecify.annotations.Nullable;

/**
 * Checks on the raw bytes of one framed packet what Netty's decoder lets pass: MQTT 5 properties that Table 2-4
 * does not allow in the packet (§2.2.2.2), that are included twice where that is a Protocol Error, or that do
 * not end where their Property Length says; and the reserved bits of SUBSCRIBE options, which the decoder
 * drops [MQTT-3.8.3-5] (MQTT 3.1.1 [MQTT-3-8.3-4]). The decoder keeps only the last of repeated properties and
 * reads a property across the end of its Property Length, so none of this can be seen on what it produces.
 *
 * <p>It only walks the layout to find these fields and parses nothing: the decoder stays the parser. A packet
 * whose layout does not hold together gets no finding here, as the decoder rejects it anyway, or
 * {@link FrameGuard} does. An MQTT 3 PUBLISH, the bulk of most traffic, is not walked at all.
 *
 * <p>Confined to one connection's event loop, and reused for each of its packets.
 */
final class RawPacketCheck {
    private static final int CONNECT = 1;
    private static final int PUBLISH = 3;
    private static final int PUBACK = 4;
    private static final int PUBCOMP = 7;
    private static final int SUBSCRIBE = 8;
    private static final int UNSUBSCRIBE = 10;
    private static final int DISCONNECT = 14;
    private static final int AUTH = 15;
    private static final int MQTT_5 = 5;
    private static final int WILL_FLAG = 0x04;
    /** The reserved bits of subscription options: 6 and 7 in MQTT 5, 2 to 7 in the QoS byte of MQTT 3. */
    private static final int RESERVED_OPTIONS_5 = 0xC0;
    private static final int RESERVED_OPTIONS_3 = 0xFC;
    /** Where a walk stops: the layout ran past the packet, or a fault was found. */
    private static final int STOP = -1;

    private ByteBuf bytes = Unpooled.EMPTY_BUFFER;
    private int end;
    private @Nullable PacketFault fault;

    /**
     * What is wrong with a whole packet that the decoder does not see, or null.
     *
     * @param level the protocol level of the connection's CONNECT, or 0 before one was decoded
     */
    @Nullable PacketFault check(ByteBuf packet, int level) {
        int start = packet.readerIndex();
        int first = packet.getUnsignedByte(start);
        int type = first >> 4;
        boolean v5 = level == MQTT_5;
        if (!v5 && type != CONNECT && type != SUBSCRIBE) {
            return null;
        }
        long remaining = VariableByteInteger.read(packet, start + 1, packet.writerIndex());
        if (remaining < 0) {
            return null;
        }
        int at = start + 1 + VariableByteInteger.length(remaining);
        int length = VariableByteInteger.value(remaining);
        if (at + length > packet.writerIndex()) {
            return null;
        }
        bytes = packet;
        end = at + length;
        fault = null;
        try {
            switch (type) {
                case CONNECT -> connect(at);
                case PUBLISH -> publish(at, (first & 0x06) != 0);
                case SUBSCRIBE -> subscribe(at, v5);
                case UNSUBSCRIBE -> properties(at + 2, Packets.UNSUBSCRIBE);
                // A reason code, then properties if the remaining length leaves room for them (§3.4.2.1).
                case DISCONNECT, AUTH -> properties(length > 1 ? at + 1 : STOP, Packets.of(type));
                default -> {
                    if (type >= PUBACK && type <= PUBCOMP && length > 3) {
                        properties(at + 3, Packets.of(type));
                    }
                }
            }
            return fault;
        } finally {
            bytes = Unpooled.EMPTY_BUFFER;
        }
    }

    /** An MQTT 5 PUBLISH: the topic name, the packet identifier if the QoS is above 0, the properties. */
    private void publish(int at, boolean packetId) {
        int p = string(at);
        if (p != STOP) {
            properties(packetId ? p + 2 : p, Packets.PUBLISH);
        }
    }

    /** An MQTT 5 CONNECT: its properties, then the will's after the client identifier. */
    private void connect(int at) {
        int p = string(at);
        if (p == STOP || p + 4 > end || bytes.getByte(p) != MQTT_5) {
            return;
        }
        int flags = bytes.getUnsignedByte(p + 1);
        p = string(properties(p + 4, Packets.CONNECT));
        if ((flags & WILL_FLAG) != 0) {
            properties(p, Packets.WILL);
        }
    }

    private void subscribe(int at, boolean v5) {
        int p = v5 ? properties(at + 2, Packets.SUBSCRIBE) : at + 2;
        int reserved = v5 ? RESERVED_OPTIONS_5 : RESERVED_OPTIONS_3;
        while (p != STOP && p < end) {
            p = string(p);
            if (p == STOP || p >= end) {
                return;
            }
            if ((bytes.getByte(p) & reserved) != 0) {
                fault = PacketFault.SUBSCRIPTION_OPTIONS_RESERVED;
                return;
            }
            p++;
        }
    }

    /**
     * Walks the Property Length and the properties that start at {@code at}.
     *
     * @param packet the packet they belong to, as a mask of {@link Packets}
     * @return where the properties end, or {@link #STOP}
     */
    private int properties(int at, int packet) {
        if (at == STOP || at > end) {
            return STOP;
        }
        long length = VariableByteInteger.read(bytes, at, end);
        if (length < 0) {
            return STOP;
        }
        int p = at + VariableByteInteger.length(length);
        int last = p + VariableByteInteger.value(length);
        if (last > end) {
            return STOP;
        }
        long seen = 0;
        while (p < last) {
            long id = VariableByteInteger.read(bytes, p, last);
            PropertySpec spec = id < 0 ? null : PropertySpec.of(VariableByteInteger.value(id));
            if (spec == null) {
                // An identifier MQTT 5 does not define is the decoder's to reject; one cut by the length is ours.
                fault = id == VariableByteInteger.INCOMPLETE ? PacketFault.PROPERTY_LENGTH : null;
                return STOP;
            }
            if (!spec.allowedIn(packet)) {
                fault = PacketFault.PROPERTY_NOT_ALLOWED;
                return STOP;
            }
            if (!spec.repeatableIn(packet)) {
                long bit = 1L << spec.id();
                if ((seen & bit) != 0) {
                    fault = PacketFault.DUPLICATE_PROPERTY;
                    return STOP;
                }
                seen |= bit;
            }
            p = skipValue(spec.value(), p + VariableByteInteger.length(id), last);
            if (p == STOP) {
                fault = PacketFault.PROPERTY_LENGTH;
                return STOP;
            }
        }
        return last;
    }

    /** Where a property value that starts at {@code at} ends, or {@link #STOP} if that is past {@code last}. */
    private int skipValue(PropertySpec.Value value, int at, int last) {
        int next = switch (value) {
            case BYTE -> at + 1;
            case TWO_BYTES -> at + 2;
            case FOUR_BYTES -> at + 4;
            case VARIABLE -> {
                long read = VariableByteInteger.read(bytes, at, last);
                yield read < 0 ? STOP : at + VariableByteInteger.length(read);
            }
            case STRING -> string(at, last);
            case STRING_PAIR -> string(string(at, last), last);
        };
        return next > last ? STOP : next;
    }

    /** Where the string (or binary data) that starts at {@code at} ends, or {@link #STOP}. */
    private int string(int at) {
        return string(at, end);
    }

    private int string(int at, int last) {
        if (at == STOP || at + 2 > last) {
            return STOP;
        }
        int next = at + 2 + bytes.getUnsignedShort(at);
        return next > last ? STOP : next;
    }
}
