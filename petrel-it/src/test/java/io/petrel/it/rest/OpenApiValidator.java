package io.petrel.it.rest;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Checks every response the tests receive against the server's published OpenAPI document: the operation
 * exists, the status is documented, and the body fits the documented schema. So the document is tested by
 * every REST test, and cannot drift from what the server answers.
 */
final class OpenApiValidator {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonNode document;

    OpenApiValidator(JsonNode document) {
        this.document = document;
    }

    JsonNode document() {
        return document;
    }

    /** Fails the test unless the response is one the document describes. */
    void check(String method, String path, int status, String body) {
        String template = template(path);
        JsonNode operation = template == null ? null
                : document.path("paths").path(template).get(method.toLowerCase(Locale.ROOT));
        if (operation == null) {
            // No such operation: the API answers a JSON 404 or 405 in the documented error shape.
            if (status != 404 && status != 405) {
                fail(method + " " + path + " is not in the OpenAPI document but answered " + status);
            }
            validate(parse(body, method, path), document.at("/components/schemas/Error"), "$", method + " " + path);
            return;
        }
        JsonNode response = operation.path("responses").get(Integer.toString(status));
        if (response == null) {
            fail(method + " " + path + " answered " + status + ", which " + template + " does not document: " + body);
        }
        JsonNode schema = response.path("content").path("application/json").get("schema");
        if (schema == null) {
            if (!body.isEmpty()) {
                fail(method + " " + path + " answered " + status + " with a body where none is documented: " + body);
            }
            return;
        }
        validate(parse(body, method, path), schema, "$", method + " " + path + " " + status);
    }

    private static JsonNode parse(String body, String method, String path) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            return fail(method + " " + path + " answered a body that is not JSON: " + body);
        }
    }

    private @Nullable String template(String path) {
        String[] segments = path.split("/");
        Iterator<String> templates = document.path("paths").fieldNames();
        String best = null;
        int bestLiterals = -1;
        while (templates.hasNext()) {
            String template = templates.next();
            String[] parts = template.split("/");
            if (parts.length != segments.length) {
                continue;
            }
            int literals = 0;
            boolean matches = true;
            for (int i = 0; i < parts.length && matches; i++) {
                if (parts[i].startsWith("{")) {
                    matches = !segments[i].isEmpty();
                } else {
                    matches = parts[i].equals(segments[i]);
                    literals++;
                }
            }
            if (matches && literals > bestLiterals) {
                best = template;
                bestLiterals = literals;
            }
        }
        return best;
    }

    private void validate(JsonNode value, JsonNode schema, String at, String where) {
        if (schema.has("$ref")) {
            validate(value, document.at(schema.get("$ref").asText().substring(1)), at, where);
            return;
        }
        String type = schema.path("type").asText("");
        switch (type) {
            case "" -> {
                // The empty schema: any value.
            }
            case "string" -> {
                expect(value.isTextual(), value, schema, at, where);
                String text = value.asText();
                if (schema.has("enum")) {
                    boolean listed = false;
                    for (JsonNode allowed : schema.get("enum")) {
                        listed |= allowed.asText().equals(text);
                    }
                    expect(listed, value, schema, at, where);
                }
                if ("uuid".equals(schema.path("format").asText())) {
                    expect(isUuid(text), value, schema, at, where);
                }
                expect(text.length() >= schema.path("minLength").asInt(0), value, schema, at, where);
                expect(text.length() <= schema.path("maxLength").asInt(Integer.MAX_VALUE), value, schema, at, where);
            }
            case "integer" -> {
                expect(value.isIntegralNumber(), value, schema, at, where);
                expect(!schema.has("minimum") || value.asLong() >= schema.get("minimum").asLong(), value, schema, at,
                        where);
                expect(!schema.has("maximum") || value.asLong() <= schema.get("maximum").asLong(), value, schema, at,
                        where);
            }
            case "number" -> expect(value.isNumber(), value, schema, at, where);
            case "boolean" -> expect(value.isBoolean(), value, schema, at, where);
            case "array" -> {
                expect(value.isArray(), value, schema, at, where);
                expect(value.size() <= schema.path("maxItems").asInt(Integer.MAX_VALUE), value, schema, at, where);
                for (int i = 0; i < value.size(); i++) {
                    validate(value.get(i), schema.get("items"), at + "[" + i + "]", where);
                }
            }
            case "object" -> object(value, schema, at, where);
            default -> fail("unknown schema type " + type + " at " + at);
        }
    }

    private void object(JsonNode value, JsonNode schema, String at, String where) {
        expect(value.isObject(), value, schema, at, where);
        JsonNode properties = schema.path("properties");
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                fail(where + ": " + at + " lacks required field '" + required.asText() + "': " + value);
            }
        }
        for (Map.Entry<String, JsonNode> member : value.properties()) {
            JsonNode property = properties.get(member.getKey());
            JsonNode additional = schema.get("additionalProperties");
            if (property != null) {
                validate(member.getValue(), property, at + "." + member.getKey(), where);
            } else if (additional != null && additional.isObject()) {
                validate(member.getValue(), additional, at + "." + member.getKey(), where);
            } else if (additional == null || additional.asBoolean(true)) {
                continue;
            } else {
                fail(where + ": " + at + " has undocumented field '" + member.getKey() + "': " + value);
            }
        }
    }

    private static void expect(boolean condition, JsonNode value, JsonNode schema, String at, String where) {
        if (!condition) {
            fail(where + ": " + at + " = " + value + " does not fit the documented schema " + schema);
        }
    }

    private static boolean isUuid(String text) {
        try {
            return UUID.fromString(text).toString().equals(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
