package io.petrel.platform.api;

/**
 * One filter of a SUBSCRIBE.
 *
 * @param filter the topic filter
 * @param qos the requested maximum QoS
 */
public record Subscription(String filter, int qos) {
}
