package io.petrel.api;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The MQTT 5 application-message properties that travel with a message from publisher to subscriber
 * unchanged: payload format, content type, response topic, correlation data and user properties.
 * Message expiry is carried by {@link Message} itself because the broker rewrites it.
 *
 * <p>Instances are immutable. The correlation data array is not copied: callers must not modify it.
 */
public final class MessageProperties {
    /** No properties at all: what every MQTT 3 message carries. */
    public static final MessageProperties NONE = new MessageProperties(false, null, null, null, List.of());

    private final boolean utf8Payload;
    private final @Nullable String contentType;
    private final @Nullable String responseTopic;
    private final byte @Nullable [] correlationData;
    private final List<UserProperty> userProperties;

    private MessageProperties(boolean utf8Payload, @Nullable String contentType, @Nullable String responseTopic,
            byte @Nullable [] correlationData, List<UserProperty> userProperties) {
        this.utf8Payload = utf8Payload;
        this.contentType = contentType;
        this.responseTopic = responseTopic;
        this.correlationData = correlationData;
        this.userProperties = userProperties;
    }

    /**
     * Creates properties; returns {@link #NONE} when every value is absent.
     *
     * @param utf8Payload whether the payload format indicator says UTF-8 (1) rather than bytes (0)
     * @param contentType the content type, or null
     * @param responseTopic the response topic, or null
     * @param correlationData the correlation data, or null; not copied
     * @param userProperties the user properties in order; copied
     */
    public static MessageProperties of(boolean utf8Payload, @Nullable String contentType,
            @Nullable String responseTopic, byte @Nullable [] correlationData, List<UserProperty> userProperties) {
        if (!utf8Payload && contentType == null && responseTopic == null && correlationData == null
                && userProperties.isEmpty()) {
            return NONE;
        }
        return new MessageProperties(utf8Payload, contentType, responseTopic, correlationData,
                List.copyOf(userProperties));
    }

    /** Whether the publisher declared the payload to be UTF-8 text (payload format indicator 1). */
    public boolean utf8Payload() {
        return utf8Payload;
    }

    /** The content type, or null. */
    public @Nullable String contentType() {
        return contentType;
    }

    /** The response topic for request/response, or null. */
    public @Nullable String responseTopic() {
        return responseTopic;
    }

    /** The correlation data for request/response, or null. Must not be modified. */
    public byte @Nullable [] correlationData() {
        return correlationData;
    }

    /** The user properties, in the order the publisher sent them. */
    public List<UserProperty> userProperties() {
        return userProperties;
    }

    /** Whether these are the empty properties. */
    public boolean isEmpty() {
        return this == NONE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MessageProperties p
                && utf8Payload == p.utf8Payload
                && Objects.equals(contentType, p.contentType)
                && Objects.equals(responseTopic, p.responseTopic)
                && Arrays.equals(correlationData, p.correlationData)
                && userProperties.equals(p.userProperties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(utf8Payload, contentType, responseTopic, Arrays.hashCode(correlationData), userProperties);
    }

    @Override
    public String toString() {
        return "MessageProperties[utf8=" + utf8Payload + ", contentType=" + contentType + ", responseTopic="
                + responseTopic + ", userProperties=" + userProperties + "]";
    }
}
