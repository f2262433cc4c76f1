package io.petrel.engine.topic;

/** MQTT 5 retain handling: whether retained messages are sent when a subscription is made. */
public enum RetainHandling {
    /** Send retained messages at the time of the subscribe. */
    SEND_ON_SUBSCRIBE,
    /** Send retained messages only if the subscription did not already exist. */
    SEND_IF_NEW,
    /** Never send retained messages on subscribe. */
    DO_NOT_SEND;

    private static final RetainHandling[] BY_VALUE = values();

    /** The option for its wire value 0, 1 or 2. */
    public static RetainHandling of(int value) {
        return BY_VALUE[value];
    }
}
