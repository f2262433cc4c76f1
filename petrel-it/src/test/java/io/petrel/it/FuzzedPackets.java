package io.petrel.it;

import io.petrel.testkit.MqttBytes;
import io.petrel.testkit.MqttBytes.Properties;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * The packets a connected client sends, of every type, drawn from a seeded random source, and the ways a fuzzer
 * spoils them: flipped bits, bodies cut or padded, random property identifiers, property lengths and remaining
 * lengths that lie. A packet is kept in parts so that a mutation can reach into its properties. The remaining
 * length always counts the bytes sent, unless the mutation is about the remaining length itself: a fuzzed
 * packet is then whole, and the server has all it needs to answer.
 */
final class FuzzedPackets {
    private static final List<String> TOPICS = List.of("fuzz/a", "fuzz/b/c", "fuzz/ü", "fuzz");
    private static final List<String> FILTERS = List.of("fuzz/#", "fuzz/+", "fuzz/a", "$share/g/fuzz/a", "+/+");

    /** What a mutation did to a packet. */
    enum Mutation {
        NONE, FLIP_BODY, FLIP_FIRST_BYTE, CUT, PAD, RANDOM_PROPERTY, PROPERTY_LENGTH, BAD_REMAINING_LENGTH, OVERSIZED
    }

    /**
     * A packet in parts.
     *
     * @param name its type, for failure messages
     * @param firstByte type and flags
     * @param head the variable header before the properties
     * @param properties the encoded properties without their length, or null where the packet has none
     * @param tail what follows the properties
     */
    record Parts(String name, int firstByte, byte[] head, byte @Nullable [] properties, byte[] tail) {
        byte[] body(int propertyLengthError) {
            MqttBytes body = MqttBytes.body().raw(head);
            if (properties != null) {
                body.varInt(Math.max(0, properties.length + propertyLengthError)).raw(properties);
            }
            return body.raw(tail).bytes();
        }

        Parts withProperties(byte[] encoded) {
            return new Parts(name, firstByte, head, encoded, tail);
        }
    }

    /**
     * A fuzzed packet as it goes on the wire.
     *
     * @param description the packet and what was done to it
     * @param bytes the bytes
     */
    record Fuzzed(String description, byte[] bytes) {
    }

    private FuzzedPackets() {
    }

    /** A well-formed packet of a random type that a client may send after CONNECT, or one it may not. */
    static Parts packet(Random random, int level) {
        boolean v5 = level == 5;
        return switch (random.nextInt(11)) {
            case 0, 1 -> publish(random, v5);
            case 2 -> subscribe(random, v5);
            case 3 -> unsubscribe(random, v5);
            case 4 -> acknowledgement(random, v5, "PUBACK", 0x40);
            case 5 -> acknowledgement(random, v5, "PUBREC", 0x50);
            case 6 -> acknowledgement(random, v5, "PUBREL", 0x62);
            case 7 -> acknowledgement(random, v5, "PUBCOMP", 0x70);
            case 8 -> new Parts("PINGREQ", 0xC0, new byte[0], null, new byte[0]);
            case 9 -> disconnect(random, v5);
            default -> auth(random, v5);
        };
    }

    /** Spoils a packet in one of the ways {@link Mutation} names, or leaves it alone. */
    static Fuzzed mutate(Parts parts, Random random, int maxPacketSize) {
        Mutation[] all = Mutation.values();
        Mutation mutation = all[random.nextInt(all.length)];
        if (parts.properties() == null
                && (mutation == Mutation.RANDOM_PROPERTY || mutation == Mutation.PROPERTY_LENGTH)) {
            mutation = Mutation.CUT;
        }
        byte[] body = parts.body(0);
        int first = parts.firstByte();
        String detail = "";
        switch (mutation) {
            case NONE -> {
            }
            case FLIP_BODY -> {
                if (body.length > 0) {
                    for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                        int at = random.nextInt(body.length);
                        body[at] ^= (byte) (1 << random.nextInt(8));
                        detail += " @" + at;
                    }
                }
            }
            case FLIP_FIRST_BYTE -> first ^= 1 << random.nextInt(8);
            case CUT -> {
                if (body.length > 0) {
                    int from = random.nextInt(body.length);
                    int to = from + 1 + random.nextInt(body.length - from);
                    body = concat(Arrays.copyOfRange(body, 0, from), Arrays.copyOfRange(body, to, body.length));
                    detail = " [" + from + ", " + to + ")";
                }
            }
            case PAD -> body = concat(body, bytes(random, 1 + random.nextInt(16)));
            case RANDOM_PROPERTY -> {
                Properties added = Properties.none().raw(parts.properties());
                for (int n = 1 + random.nextInt(3); n > 0; n--) {
                    int id = random.nextInt(0x30);
                    added.raw(new byte[] {(byte) id}).raw(bytes(random, random.nextInt(5)));
                    detail += String.format(" 0x%02x", id);
                }
                body = parts.withProperties(added.bytes()).body(0);
            }
            case PROPERTY_LENGTH -> {
                int error = random.nextBoolean() ? 1 + random.nextInt(4) : -1 - random.nextInt(4);
                body = parts.body(error);
                detail = " " + error;
            }
            case BAD_REMAINING_LENGTH -> {
                // [MQTT-1.5.5-1] five bytes of remaining length.
                return new Fuzzed(parts.name() + " " + mutation,
                        MqttBytes.body().u8(first).hex("ff ff ff ff 01").raw(body).bytes());
            }
            case OVERSIZED -> {
                // Announces more than the server accepts, and sends only the start: it must not wait for the rest.
                return new Fuzzed(parts.name() + " " + mutation,
                        MqttBytes.body().u8(first).varInt(maxPacketSize + 1 + random.nextInt(1 << 20)).raw(body)
                                .bytes());
            }
        }
        return new Fuzzed(parts.name() + " " + mutation + detail, MqttBytes.body().raw(body).packet(first));
    }

    private static Parts publish(Random random, boolean v5) {
        int qos = random.nextInt(3);
        MqttBytes head = MqttBytes.body().utf8(pick(random, TOPICS));
        if (qos > 0) {
            head.u16(packetId(random));
        }
        Properties properties = Properties.none();
        if (random.nextBoolean()) {
            properties.u8(0x01, 1).utf8(0x03, "text/plain");
        }
        if (random.nextBoolean()) {
            properties.u32(0x02, 1 + random.nextInt(3600)).utf8(0x08, "fuzz/reply").binary(0x09, bytes(random, 4));
        }
        if (random.nextInt(4) == 0) {
            properties.u16(0x23, 1 + random.nextInt(10));
        }
        userProperties(random, properties);
        byte[] payload = ("payload " + random.nextInt()).getBytes(StandardCharsets.UTF_8);
        int flags = qos << 1 | (random.nextInt(10) == 0 ? 1 : 0) | (qos > 0 && random.nextInt(10) == 0 ? 0x08 : 0);
        return new Parts("PUBLISH", 0x30 | flags, head.bytes(), v5 ? properties.bytes() : null, payload);
    }

    private static Parts subscribe(Random random, boolean v5) {
        Properties properties = Properties.none();
        if (random.nextBoolean()) {
            properties.varInt(0x0B, 1 + random.nextInt(1000));
        }
        userProperties(random, properties);
        MqttBytes filters = MqttBytes.body();
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            int options = random.nextInt(3);
            if (v5) {
                options |= (random.nextBoolean() ? 0x04 : 0) | (random.nextBoolean() ? 0x08 : 0) | random.nextInt(3) << 4;
            }
            filters.utf8(pick(random, FILTERS)).u8(options);
        }
        return new Parts("SUBSCRIBE", 0x82, MqttBytes.body().u16(packetId(random)).bytes(),
                v5 ? properties.bytes() : null, filters.bytes());
    }

    private static Parts unsubscribe(Random random, boolean v5) {
        Properties properties = Properties.none();
        userProperties(random, properties);
        MqttBytes filters = MqttBytes.body();
        for (int n = 1 + random.nextInt(2); n > 0; n--) {
            filters.utf8(pick(random, FILTERS));
        }
        return new Parts("UNSUBSCRIBE", 0xA2, MqttBytes.body().u16(packetId(random)).bytes(),
                v5 ? properties.bytes() : null, filters.bytes());
    }

    private static Parts acknowledgement(Random random, boolean v5, String name, int firstByte) {
        MqttBytes head = MqttBytes.body().u16(packetId(random));
        if (!v5 || random.nextInt(3) == 0) {
            return new Parts(name, firstByte, head.bytes(), null, new byte[0]);
        }
        head.u8(random.nextBoolean() ? 0x00 : 0x80);
        Properties properties = Properties.none();
        if (random.nextBoolean()) {
            properties.utf8(0x1F, "reason");
        }
        userProperties(random, properties);
        return new Parts(name, firstByte, head.bytes(), properties.bytes(), new byte[0]);
    }

    private static Parts disconnect(Random random, boolean v5) {
        if (!v5) {
            return new Parts("DISCONNECT", 0xE0, new byte[0], null, new byte[0]);
        }
        Properties properties = Properties.none();
        if (random.nextBoolean()) {
            properties.utf8(0x1F, "bye");
        }
        userProperties(random, properties);
        int reason = List.of(0x00, 0x04, 0x80).get(random.nextInt(3));
        return new Parts("DISCONNECT", 0xE0, new byte[] {(byte) reason}, properties.bytes(), new byte[0]);
    }

    private static Parts auth(Random random, boolean v5) {
        Properties properties = Properties.none().utf8(0x15, "SCRAM-SHA-1").binary(0x16, bytes(random, 8));
        userProperties(random, properties);
        return new Parts("AUTH", 0xF0, new byte[] {0x18}, v5 ? properties.bytes() : null, new byte[0]);
    }

    private static void userProperties(Random random, Properties properties) {
        for (int n = random.nextInt(3); n > 0; n--) {
            properties.userProperty("k" + random.nextInt(3), "v" + random.nextInt(100));
        }
    }

    private static int packetId(Random random) {
        return 1 + random.nextInt(65_535);
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static byte[] bytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
