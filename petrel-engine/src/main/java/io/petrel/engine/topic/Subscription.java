package io.petrel.engine.topic;

import io.petrel.api.topic.TopicFilter;

/**
 * One subscription of one subscriber.
 *
 * @param subscriber who receives matching messages
 * @param filter the topic filter, with its share group if shared
 * @param options how messages are delivered
 * @param subscriptionId the MQTT 5 subscription identifier, or 0 for none
 * @param <S> the subscriber type
 */
public record Subscription<S>(S subscriber, TopicFilter filter, SubscriptionOptions options, int subscriptionId) {
}
