package io.petrel.platform.api;

/**
 * What can be wrong with a device's PUBLISH. {@link ErrorPolicy} turns each into what MQTT 5 and MQTT 3
 * sessions get (device-api.md §17).
 */
public enum DeviceError {
    /** The payload is not valid JSON, or has the wrong shape for its topic. */
    PAYLOAD_INVALID,
    /** The topic is none of the device API's. */
    UNKNOWN_TOPIC,
    /** The device may not publish there: a gateway topic of a device that is no gateway, another's namespace. */
    NOT_AUTHORIZED,
    /** A feature this server does not offer yet, such as protobuf payloads or the gateway API. */
    NOT_IMPLEMENTED,
    /** A provision-only session published somewhere other than {@code /provision/request}. */
    PROVISION_ONLY,
    /** An inbound QoS 2 PUBLISH: device sessions support QoS 0 and 1. */
    QOS_NOT_SUPPORTED,
    /** Storing what the device sent failed. */
    INTERNAL_ERROR
}
