package io.petrel.store.jdbc;

import io.petrel.api.MessageProperties;
import io.petrel.api.UserProperty;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The column encodings of values that have no column type of their own: MQTT 5 message properties and
 * subscription identifiers. Both are stored as null when empty, which is the common case, so that an MQTT 3
 * message costs nothing extra.
 */
final class Codec {
    private static final int FORMAT = 1;
    private static final int UTF8 = 1;
    private static final int CONTENT_TYPE = 2;
    private static final int RESPONSE_TOPIC = 4;
    private static final int CORRELATION = 8;
    private static final int[] NO_IDS = new int[0];

    private Codec() {
    }

    static byte @Nullable [] properties(MessageProperties properties) {
        if (properties.isEmpty()) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            int flags = (properties.utf8Payload() ? UTF8 : 0)
                    | (properties.contentType() != null ? CONTENT_TYPE : 0)
                    | (properties.responseTopic() != null ? RESPONSE_TOPIC : 0)
                    | (properties.correlationData() != null ? CORRELATION : 0);
            out.writeByte(FORMAT);
            out.writeByte(flags);
            writeString(out, properties.contentType());
            writeString(out, properties.responseTopic());
            byte[] correlation = properties.correlationData();
            if (correlation != null) {
                out.writeInt(correlation.length);
                out.write(correlation);
            }
            out.writeInt(properties.userProperties().size());
            for (UserProperty property : properties.userProperties()) {
                writeString(out, property.name());
                writeString(out, property.value());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static MessageProperties properties(byte @Nullable [] encoded) {
        if (encoded == null) {
            return MessageProperties.NONE;
        }
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(encoded))) {
            int format = in.readUnsignedByte();
            if (format != FORMAT) {
                throw new IllegalStateException("unknown message properties format " + format);
            }
            int flags = in.readUnsignedByte();
            String contentType = (flags & CONTENT_TYPE) != 0 ? readString(in) : null;
            String responseTopic = (flags & RESPONSE_TOPIC) != 0 ? readString(in) : null;
            byte[] correlation = null;
            if ((flags & CORRELATION) != 0) {
                correlation = new byte[in.readInt()];
                in.readFully(correlation);
            }
            int count = in.readInt();
            List<UserProperty> user = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                user.add(new UserProperty(readString(in), readString(in)));
            }
            return MessageProperties.of((flags & UTF8) != 0, contentType, responseTopic, correlation, user);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte @Nullable [] ids(int[] ids) {
        if (ids.length == 0) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.allocate(ids.length * Integer.BYTES);
        for (int id : ids) {
            buffer.putInt(id);
        }
        return buffer.array();
    }

    static int[] ids(byte @Nullable [] encoded) {
        if (encoded == null || encoded.length == 0) {
            return NO_IDS;
        }
        ByteBuffer buffer = ByteBuffer.wrap(encoded);
        int[] ids = new int[encoded.length / Integer.BYTES];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = buffer.getInt();
        }
        return ids;
    }

    // Length-prefixed UTF-8 rather than writeUTF, whose modified UTF-8 and 64 KiB limit do not fit MQTT strings.
    private static void writeString(DataOutputStream out, @Nullable String value) throws IOException {
        if (value == null) {
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
