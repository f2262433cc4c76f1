package io.petrel.server.rest.schema;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The shape of a JSON value: what a request may send and what a response holds. Checked by
 * {@link SchemaCheck} and written into the OpenAPI document by {@link OpenApiSchemas}.
 */
public sealed interface Schema {

    /** A string, with an optional format, length bounds and set of allowed values. */
    record Str(@Nullable String format, int minLength, int maxLength, List<String> values) implements Schema {
        public Str {
            values = List.copyOf(values);
        }

        /** The same string limited to these values. */
        public Str oneOf(String... allowed) {
            return new Str(format, minLength, maxLength, List.of(allowed));
        }

        /** The same string with this length range. */
        public Str length(int min, int max) {
            return new Str(format, min, max, values);
        }
    }

    /** A whole number from {@code min} to {@code max}. */
    record Int(long min, long max) implements Schema {
    }

    /** Any number. */
    record Num() implements Schema {
    }

    /** {@code true} or {@code false}. */
    record Bool() implements Schema {
    }

    /** An array whose items all have one shape. */
    record Arr(Schema items, int maxItems) implements Schema {
    }

    /**
     * An object with named fields.
     *
     * @param fields the fields it may have
     * @param additional the shape of members other than the fields, or null when no others are allowed
     */
    record Obj(List<Field> fields, @Nullable Schema additional) implements Schema {
        public Obj {
            fields = List.copyOf(fields);
        }

        /** The field with a name, or null. */
        public @Nullable Field field(String name) {
            return fields.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
        }
    }

    /** Any JSON value. */
    record Any() implements Schema {
    }

    /** A shape with a name, written once under the document's components and referred to elsewhere. */
    record Named(String name, String description, Schema schema) implements Schema {
        public Named {
            Objects.requireNonNull(name, "name");
        }
    }

    static Str string() {
        return new Str(null, 0, Integer.MAX_VALUE, List.of());
    }

    /** A non-empty string of at most {@code maxLength} characters. */
    static Str text(int maxLength) {
        return new Str(null, 1, maxLength, List.of());
    }

    static Str uuid() {
        return new Str("uuid", 36, 36, List.of());
    }

    static Int integer(long min, long max) {
        return new Int(min, max);
    }

    /** A time in epoch milliseconds. */
    static Int epochMillis() {
        return new Int(0, Long.MAX_VALUE);
    }

    static Num number() {
        return new Num();
    }

    static Bool bool() {
        return new Bool();
    }

    static Any any() {
        return new Any();
    }

    static Arr array(Schema items) {
        return new Arr(items, Integer.MAX_VALUE);
    }

    static Obj object(Field... fields) {
        return new Obj(Arrays.asList(fields), null);
    }

    /** An object whose members, whatever their names, all have one shape. */
    static Obj map(Schema values) {
        return new Obj(List.of(), values);
    }

    static Named named(String name, String description, Schema schema) {
        return new Named(name, description, schema);
    }
}
