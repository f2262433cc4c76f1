package io.petrel.api.store;

/**
 * A subscription as stored.
 *
 * @param filter the filter as the client sent it, with any {@code $share/{group}/} prefix
 * @param qos the granted QoS, 0 to 2
 * @param noLocal the MQTT 5 No Local option
 * @param retainAsPublished the MQTT 5 Retain As Published option
 * @param retainHandling the MQTT 5 Retain Handling option, 0 to 2
 * @param subscriptionId the subscription identifier, or 0
 */
public record StoredSubscription(String filter, int qos, boolean noLocal, boolean retainAsPublished,
        int retainHandling, int subscriptionId) {
}
