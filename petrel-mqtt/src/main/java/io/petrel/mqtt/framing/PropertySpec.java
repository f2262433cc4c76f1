package io.petrel.mqtt.framing;

import org.jspecify.annotations.Nullable;

/**
 * Table 2-4 of MQTT 5: each property's identifier, the type of its value, the packets it may appear in, and
 * where it may appear more than once. Every other repetition is a Protocol Error, as the section of each
 * property says ("It is a Protocol Error to include ... more than once").
 *
 * <p>The packets are a bit mask: bit {@code n} is the packet of type {@code n} (§2.1.2), and bit 0, which no
 * packet type uses, stands for the Will Properties of a CONNECT (§3.1.3.2).
 */
enum PropertySpec {
    PAYLOAD_FORMAT_INDICATOR(0x01, Value.BYTE, Packets.PUBLISH | Packets.WILL),
    MESSAGE_EXPIRY_INTERVAL(0x02, Value.FOUR_BYTES, Packets.PUBLISH | Packets.WILL),
    CONTENT_TYPE(0x03, Value.STRING, Packets.PUBLISH | Packets.WILL),
    RESPONSE_TOPIC(0x08, Value.STRING, Packets.PUBLISH | Packets.WILL),
    CORRELATION_DATA(0x09, Value.STRING, Packets.PUBLISH | Packets.WILL),
    // A PUBLISH carries one per matching subscription (§3.3.2.3.8); a SUBSCRIBE one at most (§3.8.2.1.2).
    SUBSCRIPTION_IDENTIFIER(0x0B, Value.VARIABLE, Packets.PUBLISH | Packets.SUBSCRIBE, Packets.PUBLISH),
    SESSION_EXPIRY_INTERVAL(0x11, Value.FOUR_BYTES, Packets.CONNECT | Packets.CONNACK | Packets.DISCONNECT),
    ASSIGNED_CLIENT_IDENTIFIER(0x12, Value.STRING, Packets.CONNACK),
    SERVER_KEEP_ALIVE(0x13, Value.TWO_BYTES, Packets.CONNACK),
    AUTHENTICATION_METHOD(0x15, Value.STRING, Packets.CONNECT | Packets.CONNACK | Packets.AUTH),
    AUTHENTICATION_DATA(0x16, Value.STRING, Packets.CONNECT | Packets.CONNACK | Packets.AUTH),
    REQUEST_PROBLEM_INFORMATION(0x17, Value.BYTE, Packets.CONNECT),
    WILL_DELAY_INTERVAL(0x18, Value.FOUR_BYTES, Packets.WILL),
    REQUEST_RESPONSE_INFORMATION(0x19, Value.BYTE, Packets.CONNECT),
    RESPONSE_INFORMATION(0x1A, Value.STRING, Packets.CONNACK),
    SERVER_REFERENCE(0x1C, Value.STRING, Packets.CONNACK | Packets.DISCONNECT),
    REASON_STRING(0x1F, Value.STRING, Packets.CONNACK | Packets.ACKS | Packets.SUBACK | Packets.UNSUBACK
            | Packets.DISCONNECT | Packets.AUTH),
    RECEIVE_MAXIMUM(0x21, Value.TWO_BYTES, Packets.CONNECT | Packets.CONNACK),
    TOPIC_ALIAS_MAXIMUM(0x22, Value.TWO_BYTES, Packets.CONNECT | Packets.CONNACK),
    TOPIC_ALIAS(0x23, Value.TWO_BYTES, Packets.PUBLISH),
    MAXIMUM_QOS(0x24, Value.BYTE, Packets.CONNACK),
    RETAIN_AVAILABLE(0x25, Value.BYTE, Packets.CONNACK),
    USER_PROPERTY(0x26, Value.STRING_PAIR, Packets.ALL, Packets.ALL),
    MAXIMUM_PACKET_SIZE(0x27, Value.FOUR_BYTES, Packets.CONNECT | Packets.CONNACK),
    WILDCARD_SUBSCRIPTION_AVAILABLE(0x28, Value.BYTE, Packets.CONNACK),
    SUBSCRIPTION_IDENTIFIER_AVAILABLE(0x29, Value.BYTE, Packets.CONNACK),
    SHARED_SUBSCRIPTION_AVAILABLE(0x2A, Value.BYTE, Packets.CONNACK);

    /** The encodings of property values (§1.5); strings and binary data are both a length and bytes. */
    enum Value {
        BYTE, TWO_BYTES, FOUR_BYTES, VARIABLE, STRING, STRING_PAIR
    }

    /** Packet masks, by packet type (§2.1.2). */
    static final class Packets {
        static final int WILL = 1;
        static final int CONNECT = 1 << 1;
        static final int CONNACK = 1 << 2;
        static final int PUBLISH = 1 << 3;
        static final int ACKS = 1 << 4 | 1 << 5 | 1 << 6 | 1 << 7;
        static final int SUBSCRIBE = 1 << 8;
        static final int SUBACK = 1 << 9;
        static final int UNSUBSCRIBE = 1 << 10;
        static final int UNSUBACK = 1 << 11;
        static final int DISCONNECT = 1 << 14;
        static final int AUTH = 1 << 15;
        static final int ALL = WILL | CONNECT | CONNACK | PUBLISH | ACKS | SUBSCRIBE | SUBACK | UNSUBSCRIBE
                | UNSUBACK | DISCONNECT | AUTH;

        private Packets() {
        }

        /** The mask of the packet of a type, 1 to 15. */
        static int of(int type) {
            return 1 << type;
        }
    }

    private static final PropertySpec[] BY_ID = new PropertySpec[SHARED_SUBSCRIPTION_AVAILABLE.id + 1];

    static {
        for (PropertySpec spec : values()) {
            BY_ID[spec.id] = spec;
        }
    }

    private final int id;
    private final Value value;
    private final int allowedIn;
    private final int repeatableIn;

    PropertySpec(int id, Value value, int allowedIn) {
        this(id, value, allowedIn, 0);
    }

    PropertySpec(int id, Value value, int allowedIn, int repeatableIn) {
        this.id = id;
        this.value = value;
        this.allowedIn = allowedIn;
        this.repeatableIn = repeatableIn;
    }

    /** The property with this identifier, or null if MQTT 5 defines none. */
    static @Nullable PropertySpec of(int id) {
        return id >= 0 && id < BY_ID.length ? BY_ID[id] : null;
    }

    int id() {
        return id;
    }

    Value value() {
        return value;
    }

    /** Whether the property may appear in the packets of a mask from {@link Packets}. */
    boolean allowedIn(int packet) {
        return (allowedIn & packet) != 0;
    }

    /** Whether the property may appear more than once in the packets of a mask from {@link Packets}. */
    boolean repeatableIn(int packet) {
        return (repeatableIn & packet) != 0;
    }
}
