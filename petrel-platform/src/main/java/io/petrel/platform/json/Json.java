package io.petrel.platform.json;

import java.util.List;
import java.util.Map;

/** A parsed JSON value. Objects keep their members' order; numbers keep their literal text. */
public sealed interface Json {

    /** A short name of the kind of value, for problem messages. */
    String kind();

    /**
     * An object. A member name that occurs twice keeps its last value.
     *
     * @param members the members in the order they were written
     */
    record Obj(Map<String, Json> members) implements Json {
        @Override
        public String kind() {
            return "an object";
        }
    }

    /** An array. */
    record Arr(List<Json> items) implements Json {
        @Override
        public String kind() {
            return "an array";
        }
    }

    /** A string. */
    record Str(String value) implements Json {
        @Override
        public String kind() {
            return "a string";
        }
    }

    /**
     * A number.
     *
     * @param literal the number exactly as written, such as {@code 4.20E1}
     */
    record Num(String literal) implements Json {
        @Override
        public String kind() {
            return "a number";
        }
    }

    /** {@code true} or {@code false}. */
    record Bool(boolean value) implements Json {
        @Override
        public String kind() {
            return "a boolean";
        }
    }

    /** {@code null}. */
    record Null() implements Json {
        /** The one instance. */
        public static final Null INSTANCE = new Null();

        @Override
        public String kind() {
            return "null";
        }
    }
}
