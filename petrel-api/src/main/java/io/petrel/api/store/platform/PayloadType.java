package io.petrel.api.store.platform;

/** The payload format a device profile sets for the {@code v2/t}, {@code v2/a} and {@code v2/r} topics. */
public enum PayloadType {
    /** JSON text. */
    JSON,
    /** Protocol Buffers with the profile's schemas. */
    PROTOBUF
}
