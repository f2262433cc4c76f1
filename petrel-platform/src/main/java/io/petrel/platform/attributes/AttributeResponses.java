package io.petrel.platform.attributes;

import io.petrel.api.store.platform.AttributeEntry;
import io.petrel.platform.json.JsonWriter;
import java.util.List;

/**
 * The answer to an attribute read (device-api.md §7): {@code {"client": {...}, "shared": {...}}}, where a
 * section appears only if one of its keys was found, so the answer may be {@code {}}.
 */
public final class AttributeResponses {
    private AttributeResponses() {
    }

    public static byte[] body(List<AttributeEntry> client, List<AttributeEntry> shared) {
        return JsonWriter.bytes(out -> {
            out.writeStartObject();
            for (var section : List.of(new Section("client", client), new Section("shared", shared))) {
                if (section.entries().isEmpty()) {
                    continue;
                }
                out.writeObjectFieldStart(section.name());
                for (AttributeEntry entry : section.entries()) {
                    out.writeFieldName(entry.key());
                    JsonWriter.write(out, entry.value());
                }
                out.writeEndObject();
            }
            out.writeEndObject();
        });
    }

    private record Section(String name, List<AttributeEntry> entries) {
    }
}
