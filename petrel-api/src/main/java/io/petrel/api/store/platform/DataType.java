package io.petrel.api.store.platform;

/** The type a key-value is stored with. */
public enum DataType {
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** A 64-bit integer. */
    LONG,
    /** A 64-bit floating-point number. */
    DOUBLE,
    /** Text. */
    STRING,
    /** A JSON object or array, stored as its text. */
    JSON
}
