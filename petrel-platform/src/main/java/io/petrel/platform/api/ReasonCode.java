package io.petrel.platform.api;

/** The MQTT 5 reason codes the device API decides on (device-api.md §17). */
public enum ReasonCode {
    SUCCESS(0x00),
    NO_SUBSCRIPTION_EXISTED(0x11),
    UNSPECIFIED_ERROR(0x80),
    IMPLEMENTATION_SPECIFIC_ERROR(0x83),
    NOT_AUTHORIZED(0x87),
    SESSION_TAKEN_OVER(0x8E),
    TOPIC_FILTER_INVALID(0x8F),
    TOPIC_NAME_INVALID(0x90),
    QUOTA_EXCEEDED(0x97),
    ADMINISTRATIVE_ACTION(0x98),
    PAYLOAD_FORMAT_INVALID(0x99),
    QOS_NOT_SUPPORTED(0x9B),
    MAXIMUM_CONNECT_TIME(0xA0);

    private final int value;

    ReasonCode(int value) {
        this.value = value;
    }

    /** The code on the wire. */
    public int value() {
        return value;
    }
}
