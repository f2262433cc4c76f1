package io.petrel.engine.session;

import io.petrel.api.store.BrokerStore;
import io.petrel.engine.metrics.BrokerMetrics;
import io.petrel.engine.retained.RetainedIndex;
import io.petrel.engine.topic.TopicTree;
import java.time.InstantSource;
import org.jspecify.annotations.Nullable;

/**
 * The engine services every session uses.
 *
 * @param config the limits sessions share
 * @param metrics where drops and connections are counted
 * @param clock wall-clock time, for message expiry
 * @param subscriptions the subscription index
 * @param retained the retained messages
 * @param sink where sessions publish wills and hand back shared messages
 * @param store where persistent sessions keep their state, or null when state lives on the heap only
 */
public record SessionContext(
        SessionConfig config,
        BrokerMetrics metrics,
        InstantSource clock,
        TopicTree<Session> subscriptions,
        RetainedIndex retained,
        MessageSink sink,
        @Nullable BrokerStore store) {
}
