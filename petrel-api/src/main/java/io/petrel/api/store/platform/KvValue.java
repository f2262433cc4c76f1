package io.petrel.api.store.platform;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A typed value of a telemetry point or an attribute. */
public sealed interface KvValue {

    /** The stored type. */
    DataType type();

    /** A number as a double, for aggregation; null for values that are no number. */
    default @Nullable Double asDouble() {
        return null;
    }

    static KvValue of(boolean value) {
        return new BooleanValue(value);
    }

    static KvValue of(long value) {
        return new LongValue(value);
    }

    static KvValue of(double value) {
        return new DoubleValue(value);
    }

    static KvValue of(String value) {
        return new StringValue(value);
    }

    /** A JSON object or array, given as its text. */
    static KvValue json(String text) {
        return new JsonValue(text);
    }

    /** A boolean. */
    record BooleanValue(boolean value) implements KvValue {
        @Override
        public DataType type() {
            return DataType.BOOLEAN;
        }
    }

    /** A 64-bit integer. */
    record LongValue(long value) implements KvValue {
        @Override
        public DataType type() {
            return DataType.LONG;
        }

        @Override
        public Double asDouble() {
            return (double) value;
        }
    }

    /** A 64-bit floating-point number. */
    record DoubleValue(double value) implements KvValue {
        @Override
        public DataType type() {
            return DataType.DOUBLE;
        }

        @Override
        public Double asDouble() {
            return value;
        }
    }

    /** Text. */
    record StringValue(String value) implements KvValue {
        public StringValue {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public DataType type() {
            return DataType.STRING;
        }
    }

    /** A JSON object or array, as compact JSON text. */
    record JsonValue(String text) implements KvValue {
        public JsonValue {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public DataType type() {
            return DataType.JSON;
        }
    }
}
