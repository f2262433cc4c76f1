package io.petrel.platform.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.petrel.api.store.platform.KvValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Writes compact JSON with Jackson's generator: payloads for devices and the text of JSON values. */
public final class JsonWriter {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private JsonWriter() {
    }

    /** What to write into a generator. */
    @FunctionalInterface
    public interface Body {
        void write(JsonGenerator out) throws IOException;
    }

    /** The UTF-8 bytes of what a body writes. */
    public static byte[] bytes(Body body) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(128);
        try (JsonGenerator out = FACTORY.createGenerator(buffer)) {
            body.write(out);
        } catch (IOException e) {
            // Writing to memory fails only on a bug in the body, such as an unbalanced object.
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    /** The compact text of a parsed value, with every number as it was written. */
    public static String text(Json value) {
        return new String(bytes(out -> write(out, value)), StandardCharsets.UTF_8);
    }

    /** Writes a parsed value, with every number as it was written. */
    public static void write(JsonGenerator out, Json value) throws IOException {
        switch (value) {
            case Json.Obj obj -> {
                out.writeStartObject();
                for (Map.Entry<String, Json> member : obj.members().entrySet()) {
                    out.writeFieldName(member.getKey());
                    write(out, member.getValue());
                }
                out.writeEndObject();
            }
            case Json.Arr arr -> {
                out.writeStartArray();
                for (Json item : arr.items()) {
                    write(out, item);
                }
                out.writeEndArray();
            }
            case Json.Str str -> out.writeString(str.value());
            case Json.Num num -> out.writeNumber(num.literal());
            case Json.Bool bool -> out.writeBoolean(bool.value());
            case Json.Null ignored -> out.writeNull();
        }
    }

    /** Writes a stored value with its type: LONG as an integer, DOUBLE as a number, JSON embedded as JSON. */
    public static void write(JsonGenerator out, KvValue value) throws IOException {
        switch (value) {
            case KvValue.BooleanValue v -> out.writeBoolean(v.value());
            case KvValue.LongValue v -> out.writeNumber(v.value());
            case KvValue.DoubleValue v -> out.writeNumber(v.value());
            case KvValue.StringValue v -> out.writeString(v.value());
            case KvValue.JsonValue v -> out.writeRawValue(v.text());
        }
    }
}
