package io.petrel.api;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An application message as the broker routes it: topic, payload, QoS, retain flag, MQTT 5 properties and
 * an absolute expiry time. It is the same for MQTT 3 and MQTT 5 publishers.
 *
 * <p>Instances are immutable and shared by every subscriber that receives them. The payload array is not
 * copied: callers must not modify it after construction.
 *
 * @param topic the topic name, without wildcards
 * @param payload the payload bytes; not copied
 * @param qos the QoS the message was published with
 * @param retain whether the publisher asked for the message to be retained
 * @param properties the MQTT 5 properties, {@link MessageProperties#NONE} for none
 * @param expiresAtMillis the wall-clock time in epoch milliseconds after which the message must not be
 *     delivered, or {@link #NO_EXPIRY}
 * @param publisherId the client id of the publisher, or null for messages the broker itself originates
 */
public record Message(
        String topic,
        byte[] payload,
        QoS qos,
        boolean retain,
        MessageProperties properties,
        long expiresAtMillis,
        @Nullable String publisherId) {

    /** The value of {@link #expiresAtMillis()} for a message that never expires. */
    public static final long NO_EXPIRY = Long.MAX_VALUE;

    public Message {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(qos, "qos");
        Objects.requireNonNull(properties, "properties");
    }

    /** A plain message without properties or expiry, as an MQTT 3 client would publish it. */
    public static Message of(String topic, byte[] payload, QoS qos, boolean retain) {
        return new Message(topic, payload, qos, retain, MessageProperties.NONE, NO_EXPIRY, null);
    }

    /** Whether the message carries a message expiry interval. */
    public boolean expires() {
        return expiresAtMillis != NO_EXPIRY;
    }

    /** Whether the message has expired at the given wall-clock time. */
    public boolean isExpiredAt(long nowMillis) {
        return nowMillis >= expiresAtMillis;
    }

    /**
     * The expiry interval left at the given time, in whole seconds rounded up, as a subscriber receives it.
     * Only meaningful when {@link #expires()} is true.
     */
    public long remainingExpirySeconds(long nowMillis) {
        long left = expiresAtMillis - nowMillis;
        return left <= 0 ? 0 : (left + 999) / 1000;
    }

    /** A copy of this message with another retain flag. */
    public Message withRetain(boolean newRetain) {
        return newRetain == retain ? this
                : new Message(topic, payload, qos, newRetain, properties, expiresAtMillis, publisherId);
    }

    /** A copy of this message on another topic. */
    public Message withTopic(String newTopic) {
        return new Message(newTopic, payload, qos, retain, properties, expiresAtMillis, publisherId);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Message m
                && topic.equals(m.topic)
                && java.util.Arrays.equals(payload, m.payload)
                && qos == m.qos
                && retain == m.retain
                && properties.equals(m.properties)
                && expiresAtMillis == m.expiresAtMillis
                && Objects.equals(publisherId, m.publisherId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, java.util.Arrays.hashCode(payload), qos, retain, properties, expiresAtMillis,
                publisherId);
    }

    @Override
    public String toString() {
        return "Message[topic=" + topic + ", bytes=" + payload.length + ", qos=" + qos.value() + ", retain="
                + retain + "]";
    }
}
