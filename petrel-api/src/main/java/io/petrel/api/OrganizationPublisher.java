package io.petrel.api;

/**
 * Publishes messages into one organization's topic space as the broker itself, the way the device platform
 * streams live device data to applications ({@code device/{name}/telemetry}, {@code device/{name}/status}).
 *
 * <p>Topics are written as the organization's clients see them: the implementation scopes them to the
 * organization, so that only that organization's subscribers receive them, and stores retained messages in
 * that organization's space. The message has no publisher client, so No Local never suppresses it.
 *
 * <p>Implementations are safe to call from any thread and do not block: the message is handed to the broker
 * for routing and the call returns.
 */
@FunctionalInterface
public interface OrganizationPublisher {
    /** Routes a message, whose topic is relative to the organization, to that organization's subscribers. */
    void publish(String organization, Message message);
}
