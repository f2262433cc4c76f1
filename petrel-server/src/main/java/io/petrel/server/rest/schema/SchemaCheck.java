package io.petrel.server.rest.schema;

import io.petrel.platform.json.Json;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Checks a parsed value against a schema and says, in one sentence naming the offending field, what is wrong:
 * a wrong type, a missing or unknown field, a value out of range.
 */
public final class SchemaCheck {
    private SchemaCheck() {
    }

    /** What is wrong with a request body, or null if it fits. */
    public static @Nullable String body(Json value, Schema schema) {
        return check(value, schema, "");
    }

    private static @Nullable String check(Json value, Schema schema, String path) {
        return switch (schema) {
            case Schema.Named named -> check(value, named.schema(), path);
            case Schema.Any ignored -> null;
            case Schema.Str str -> value instanceof Json.Str s ? string(s.value(), str, where(path))
                    : mismatch(value, str, path);
            case Schema.Int range -> value instanceof Json.Num num ? integer(num.literal(), range, where(path))
                    : mismatch(value, range, path);
            case Schema.Num num -> value instanceof Json.Num ? null : mismatch(value, num, path);
            case Schema.Bool bool -> value instanceof Json.Bool ? null : mismatch(value, bool, path);
            case Schema.Arr arr -> value instanceof Json.Arr items ? array(items, arr, path)
                    : mismatch(value, arr, path);
            case Schema.Obj obj -> value instanceof Json.Obj members ? object(members, obj, path)
                    : mismatch(value, obj, path);
        };
    }

    private static @Nullable String object(Json.Obj value, Schema.Obj schema, String path) {
        // Present fields first: a misspelt name explains the required field that seems missing.
        for (Map.Entry<String, Json> member : value.members().entrySet()) {
            Field field = schema.field(member.getKey());
            String memberPath = join(path, member.getKey());
            Schema memberSchema = field != null ? field.schema() : schema.additional();
            if (memberSchema == null) {
                return "unknown field '" + memberPath + "'" + allowed(schema);
            }
            // An optional field may be null, which means absent.
            if (field != null && !field.required() && member.getValue() instanceof Json.Null) {
                continue;
            }
            String problem = check(member.getValue(), memberSchema, memberPath);
            if (problem != null) {
                return problem;
            }
        }
        for (Field field : schema.fields()) {
            Json member = value.members().get(field.name());
            if (field.required() && (member == null || member instanceof Json.Null)) {
                return "field '" + join(path, field.name()) + "' is required";
            }
        }
        return null;
    }

    private static String allowed(Schema.Obj schema) {
        return schema.fields().isEmpty() ? "" : " (allowed: "
                + schema.fields().stream().map(Field::name).collect(Collectors.joining(", ")) + ")";
    }

    private static @Nullable String array(Json.Arr value, Schema.Arr schema, String path) {
        if (value.items().size() > schema.maxItems()) {
            return where(path) + " must have at most " + schema.maxItems() + " items";
        }
        for (int i = 0; i < value.items().size(); i++) {
            String problem = check(value.items().get(i), schema.items(), path + "[" + i + "]");
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    /** What is wrong with a string value (of a body field or a parameter), or null. */
    static @Nullable String string(String value, Schema.Str schema, String where) {
        if (!schema.values().isEmpty() && !schema.values().contains(value)) {
            return where + " must be one of " + String.join(", ", schema.values()) + ", not '" + value + "'";
        }
        if ("uuid".equals(schema.format()) && !isUuid(value)) {
            return where + " must be a UUID, not '" + value + "'";
        }
        if (value.length() < schema.minLength()) {
            return where + (schema.minLength() == 1 ? " must not be empty"
                    : " must have at least " + schema.minLength() + " characters");
        }
        if (value.length() > schema.maxLength()) {
            return where + " must have at most " + schema.maxLength() + " characters";
        }
        return null;
    }

    /** What is wrong with a whole number written as text, or null. */
    static @Nullable String integer(String literal, Schema.Int schema, String where) {
        long value;
        try {
            value = Long.parseLong(literal);
        } catch (NumberFormatException e) {
            return where + " must be " + describe(schema) + ", not " + literal;
        }
        return value < schema.min() || value > schema.max()
                ? where + " must be " + describe(schema) + ", not " + literal : null;
    }

    private static boolean isUuid(String value) {
        try {
            return value.length() == 36 && UUID.fromString(value).toString().equalsIgnoreCase(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String mismatch(Json value, Schema expected, String path) {
        return where(path) + " must be " + describe(expected) + ", not " + value.kind();
    }

    /** The schema in words: "a string", "an integer from 1 to 100". */
    static String describe(Schema schema) {
        return switch (schema) {
            case Schema.Named named -> describe(named.schema());
            case Schema.Any ignored -> "any JSON value";
            case Schema.Str str -> str.values().isEmpty() ? ("uuid".equals(str.format()) ? "a UUID" : "a string")
                    : "one of " + String.join(", ", str.values());
            case Schema.Int range -> range.min() == Long.MIN_VALUE && range.max() == Long.MAX_VALUE ? "an integer"
                    : range.max() == Long.MAX_VALUE ? "an integer of at least " + range.min()
                    : "an integer from " + range.min() + " to " + range.max();
            case Schema.Num ignored -> "a number";
            case Schema.Bool ignored -> "a boolean";
            case Schema.Arr ignored -> "an array";
            case Schema.Obj ignored -> "an object";
        };
    }

    private static String where(String path) {
        return path.isEmpty() ? "the body" : "field '" + path + "'";
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
