package io.petrel.api.auth;

import io.petrel.api.topic.Topics;
import java.util.List;

/**
 * The topic filters a scoped credential allows, such as the filters an org token carries. Topics and filters
 * are those the client uses, relative to its organization. A scope narrows what ACL rules allow; it never
 * widens it.
 *
 * @param publish the filters whose matching topics the client may publish to
 * @param subscribe the filters the client may subscribe to, or to filters that they cover
 */
public record TopicScope(List<String> publish, List<String> subscribe) {
    public TopicScope {
        publish = List.copyOf(publish);
        subscribe = List.copyOf(subscribe);
        for (String filter : publish) {
            requireValid(filter);
        }
        for (String filter : subscribe) {
            requireValid(filter);
        }
    }

    private static void requireValid(String filter) {
        if (!Topics.isValidFilter(filter)) {
            throw new IllegalArgumentException("invalid topic filter in scope: " + filter);
        }
    }

    /** Whether the scope allows publishing to a topic name. */
    public boolean mayPublish(String topic) {
        for (String filter : publish) {
            if (Topics.matches(filter, topic)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the scope allows subscribing to a filter: some allowed filter covers every topic it matches. */
    public boolean maySubscribe(String filter) {
        for (String allowed : subscribe) {
            if (Topics.covers(allowed, filter)) {
                return true;
            }
        }
        return false;
    }
}
