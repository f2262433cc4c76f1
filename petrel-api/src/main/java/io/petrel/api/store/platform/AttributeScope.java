package io.petrel.api.store.platform;

/** Who writes an attribute and who sees it. */
public enum AttributeScope {
    /** Written by the device; read by the device and the server. */
    CLIENT,
    /** Written by the server; pushed to and read by the device. */
    SHARED,
    /** Written and read by the server only, such as the device's activity state. */
    SERVER
}
