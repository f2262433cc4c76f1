package io.petrel.testkit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Writes MQTT packets byte by byte, so that a test sends exactly what it means, well-formed or not. Integers,
 * strings and properties are encoded as the specification says; {@link #packet} adds the fixed header. Nothing
 * is checked: a test may write a string that is not UTF-8 or a remaining length that lies.
 *
 * <pre>{@code
 * byte[] subscribe = MqttBytes.body().u16(1).properties(MqttBytes.Properties.none()).utf8("a/#").u8(1).packet(0x82);
 * }</pre>
 */
public final class MqttBytes {
    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private MqttBytes() {
    }

    /** An empty packet body to write into. */
    public static MqttBytes body() {
        return new MqttBytes();
    }

    /** Bytes written as hex, such as {@code "20 02 00 00"}; white space is ignored. */
    public static byte[] fromHex(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("\\s", ""));
    }

    /** Bytes as hex, one pair per byte separated by spaces, as tests compare them. */
    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** One byte. */
    public MqttBytes u8(int value) {
        out.write(value);
        return this;
    }

    /** A Two Byte Integer, most significant byte first. */
    public MqttBytes u16(int value) {
        out.write(value >>> 8);
        out.write(value);
        return this;
    }

    /** A Four Byte Integer, most significant byte first. */
    public MqttBytes u32(long value) {
        u16((int) (value >>> 16));
        return u16((int) value);
    }

    /** A Variable Byte Integer in its shortest form. */
    public MqttBytes varInt(int value) {
        int remaining = value;
        do {
            int digit = remaining % 128;
            remaining /= 128;
            out.write(remaining > 0 ? digit | 0x80 : digit);
        } while (remaining > 0);
        return this;
    }

    /** A UTF-8 Encoded String: its length, then its bytes. */
    public MqttBytes utf8(String value) {
        return string(value.getBytes(StandardCharsets.UTF_8));
    }

    /** A string of arbitrary bytes with its length, for strings that are not well-formed UTF-8. */
    public MqttBytes string(byte[] value) {
        u16(value.length);
        return raw(value);
    }

    /** Binary Data: its length, then its bytes. */
    public MqttBytes binary(byte[] value) {
        return string(value);
    }

    /** Bytes as they are. */
    public MqttBytes raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    /** Bytes as they are, given in hex. */
    public MqttBytes hex(String hex) {
        return raw(fromHex(hex));
    }

    /** MQTT 5 properties: their length, then the properties. */
    public MqttBytes properties(Properties properties) {
        byte[] encoded = properties.bytes.out.toByteArray();
        varInt(encoded.length);
        return raw(encoded);
    }

    /** How many bytes are written so far. */
    public int size() {
        return out.size();
    }

    /** The bytes written so far. */
    public byte[] bytes() {
        return out.toByteArray();
    }

    /** The whole packet: the first byte (type and flags), the remaining length, then this body. */
    public byte[] packet(int firstByte) {
        byte[] content = out.toByteArray();
        return new MqttBytes().u8(firstByte).varInt(content.length).raw(content).bytes();
    }

    /** MQTT 5 properties, written in the order they are added. Identifiers are those of the specification. */
    public static final class Properties {
        private final MqttBytes bytes = new MqttBytes();

        private Properties() {
        }

        /** No properties: a property length of 0 [MQTT-2.2.2-1]. */
        public static Properties none() {
            return new Properties();
        }

        /** A property whose value is one byte, such as Payload Format Indicator (0x01). */
        public Properties u8(int id, int value) {
            bytes.varInt(id).u8(value);
            return this;
        }

        /** A property whose value is a Two Byte Integer, such as Topic Alias (0x23). */
        public Properties u16(int id, int value) {
            bytes.varInt(id).u16(value);
            return this;
        }

        /** A property whose value is a Four Byte Integer, such as Session Expiry Interval (0x11). */
        public Properties u32(int id, long value) {
            bytes.varInt(id).u32(value);
            return this;
        }

        /** A property whose value is a Variable Byte Integer, such as Subscription Identifier (0x0B). */
        public Properties varInt(int id, int value) {
            bytes.varInt(id).varInt(value);
            return this;
        }

        /** A property whose value is a UTF-8 Encoded String, such as Content Type (0x03). */
        public Properties utf8(int id, String value) {
            bytes.varInt(id).utf8(value);
            return this;
        }

        /** A string property with arbitrary bytes, for values that are not well-formed UTF-8. */
        public Properties string(int id, byte[] value) {
            bytes.varInt(id).string(value);
            return this;
        }

        /** A property whose value is Binary Data, such as Correlation Data (0x09). */
        public Properties binary(int id, byte[] value) {
            bytes.varInt(id).binary(value);
            return this;
        }

        /** A User Property (0x26). */
        public Properties userProperty(String name, String value) {
            bytes.varInt(0x26).utf8(name).utf8(value);
            return this;
        }

        /** A User Property with arbitrary bytes, for names or values that are not well-formed UTF-8. */
        public Properties userProperty(byte[] name, byte[] value) {
            bytes.varInt(0x26).string(name).string(value);
            return this;
        }

        /** Bytes as they are, such as an identifier no property has or a value cut short. */
        public Properties raw(byte[] encoded) {
            bytes.raw(encoded);
            return this;
        }

        /** The properties written so far, without their length. */
        public byte[] bytes() {
            return bytes.bytes();
        }
    }
}
