package io.petrel.server.rest.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes schemas as OpenAPI 3.1 (JSON Schema) objects. Named schemas are written once, into the components
 * this was given, and referred to with {@code $ref} everywhere they occur.
 */
public final class OpenApiSchemas {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectNode components;

    /** @param components the document's {@code components.schemas} object, filled as named schemas are met */
    public OpenApiSchemas(ObjectNode components) {
        this.components = components;
    }

    /** The JSON Schema of a schema. */
    public ObjectNode write(Schema schema) {
        ObjectNode node = NODES.objectNode();
        switch (schema) {
            case Schema.Named named -> {
                if (!components.has(named.name())) {
                    // Reserve the name first: a schema may refer to itself through its fields.
                    components.putObject(named.name());
                    ObjectNode target = write(named.schema());
                    target.put("description", named.description());
                    components.set(named.name(), target);
                }
                node.put("$ref", "#/components/schemas/" + named.name());
            }
            case Schema.Any ignored -> {
                // The empty schema accepts every value.
            }
            case Schema.Str str -> {
                node.put("type", "string");
                if (str.format() != null) {
                    node.put("format", str.format());
                }
                if (str.minLength() > 0) {
                    node.put("minLength", str.minLength());
                }
                if (str.maxLength() != Integer.MAX_VALUE) {
                    node.put("maxLength", str.maxLength());
                }
                if (!str.values().isEmpty()) {
                    ArrayNode values = node.putArray("enum");
                    str.values().forEach(values::add);
                }
            }
            case Schema.Int range -> {
                node.put("type", "integer");
                node.put("format", "int64");
                if (range.min() != Long.MIN_VALUE) {
                    node.put("minimum", range.min());
                }
                if (range.max() != Long.MAX_VALUE) {
                    node.put("maximum", range.max());
                }
            }
            case Schema.Num ignored -> node.put("type", "number");
            case Schema.Bool ignored -> node.put("type", "boolean");
            case Schema.Arr arr -> {
                node.put("type", "array");
                node.set("items", write(arr.items()));
                if (arr.maxItems() != Integer.MAX_VALUE) {
                    node.put("maxItems", arr.maxItems());
                }
            }
            case Schema.Obj obj -> object(node, obj);
        }
        return node;
    }

    private void object(ObjectNode node, Schema.Obj obj) {
        node.put("type", "object");
        if (!obj.fields().isEmpty()) {
            ObjectNode properties = node.putObject("properties");
            ArrayNode required = NODES.arrayNode();
            for (Field field : obj.fields()) {
                ObjectNode property = write(field.schema());
                property.put("description", field.description());
                properties.set(field.name(), property);
                if (field.required()) {
                    required.add(field.name());
                }
            }
            if (!required.isEmpty()) {
                node.set("required", required);
            }
        }
        if (obj.additional() == null) {
            node.put("additionalProperties", false);
        } else {
            node.set("additionalProperties", write(obj.additional()));
        }
    }
}
