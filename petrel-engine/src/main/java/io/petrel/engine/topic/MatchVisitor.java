package io.petrel.engine.topic;

/**
 * Receives the subscriptions that match a topic. Calls come on the matching thread while the index may be
 * changing concurrently; a subscription added or removed during the walk may or may not be reported.
 *
 * @param <S> the subscriber type
 */
public interface MatchVisitor<S> {
    /** An ordinary subscription matches. One subscriber may be reported once per matching filter. */
    void onSubscription(Subscription<S> subscription);

    /** A share group matches; the visitor picks one member. */
    void onSharedGroup(SharedGroup<S> group);
}
