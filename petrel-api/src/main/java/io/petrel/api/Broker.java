package io.petrel.api;

import java.util.function.Predicate;

/**
 * The running broker, as embedders and the device platform use it: publishing into an organization's
 * namespace as the broker itself, and ending client connections.
 */
public interface Broker {
    /**
     * Publishes a message into an organization's topic space, as subscribers of that organization see it:
     * the message's topic is relative to the organization, exactly as its clients write it. The message is
     * routed with no publisher, so no-local never suppresses it.
     *
     * @param organization the organization, such as {@link Principal#DEFAULT_ORGANIZATION}
     * @param message the message; its topic must be a valid topic name
     * @throws IllegalArgumentException if the organization name or the topic is invalid
     */
    void publish(String organization, Message message);

    /**
     * Ends every live connection whose client matches, with the reason "administrative action" (MQTT 5
     * reason code 0x98), as when its credential is revoked.
     *
     * @return how many connections were asked to end
     */
    int disconnect(Predicate<ClientInfo> which);
}
