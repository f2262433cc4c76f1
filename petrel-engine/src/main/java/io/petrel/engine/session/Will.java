package io.petrel.engine.session;

import io.petrel.api.Message;

/**
 * A client's will: the message published when its connection ends without a normal DISCONNECT.
 *
 * @param message the will message; its expiry is set when it is published
 * @param delaySeconds the MQTT 5 will delay interval; 0 publishes at once
 * @param expirySeconds the will's message expiry interval, counted from publication, or -1 for none
 */
public record Will(Message message, long delaySeconds, long expirySeconds) {
    /** The message as published at the given time, its expiry counted from then. */
    public Message messageAt(long nowMillis) {
        if (expirySeconds < 0) {
            return message;
        }
        return new Message(message.topic(), message.payload(), message.qos(), message.retain(), message.properties(),
                nowMillis + expirySeconds * 1000, message.publisherId());
    }
}
