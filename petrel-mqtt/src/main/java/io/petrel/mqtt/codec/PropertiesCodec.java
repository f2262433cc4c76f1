package io.petrel.mqtt.codec;

import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttProperties.BinaryProperty;
import io.netty.handler.codec.mqtt.MqttProperties.IntegerProperty;
import io.netty.handler.codec.mqtt.MqttProperties.MqttProperty;
import io.netty.handler.codec.mqtt.MqttProperties.StringProperty;
import io.petrel.api.MessageProperties;
import io.petrel.api.UserProperty;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reads and writes the MQTT 5 properties of application messages. */
public final class PropertiesCodec {
    private PropertiesCodec() {
    }

    /** An integer property's value, or a default when absent. */
    public static int intValue(MqttProperties properties, int id, int absent) {
        MqttProperty<?> property = properties.getProperty(id);
        return property instanceof IntegerProperty p ? p.value() : absent;
    }

    /** A string property's value, or null. */
    public static @Nullable String stringValue(MqttProperties properties, int id) {
        MqttProperty<?> property = properties.getProperty(id);
        return property instanceof StringProperty p ? p.value() : null;
    }

    /** A binary property's value, or null. */
    public static byte @Nullable [] binaryValue(MqttProperties properties, int id) {
        MqttProperty<?> property = properties.getProperty(id);
        return property instanceof BinaryProperty p ? p.value() : null;
    }

    /** The application-message properties of a PUBLISH or a will. */
    public static MessageProperties toDomain(MqttProperties properties) {
        if (properties.isEmpty()) {
            return MessageProperties.NONE;
        }
        List<? extends MqttProperty> raw = properties.getProperties(MqttProperties.USER_PROPERTY);
        List<UserProperty> user = new ArrayList<>(raw.size());
        for (MqttProperty<?> property : raw) {
            MqttProperties.StringPair pair = ((MqttProperties.UserProperty) property).value();
            user.add(new UserProperty(pair.key, pair.value));
        }
        return MessageProperties.of(
                intValue(properties, MqttProperties.PAYLOAD_FORMAT_INDICATOR, 0) == 1,
                stringValue(properties, MqttProperties.CONTENT_TYPE),
                stringValue(properties, MqttProperties.RESPONSE_TOPIC),
                binaryValue(properties, MqttProperties.CORRELATION_DATA),
                user);
    }

    /**
     * Adds the application-message properties to a PUBLISH's properties, unchanged: payload format indicator
     * [MQTT-3.3.2-4], content type [MQTT-3.3.2-20], response topic [MQTT-3.3.2-15], correlation data
     * [MQTT-3.3.2-16], and user properties in their order [MQTT-3.3.2-17] [MQTT-3.3.2-18].
     */
    public static void addTo(MqttProperties target, MessageProperties properties) {
        if (properties.utf8Payload()) {
            target.add(new IntegerProperty(MqttProperties.PAYLOAD_FORMAT_INDICATOR, 1));
        }
        if (properties.contentType() != null) {
            target.add(new StringProperty(MqttProperties.CONTENT_TYPE, properties.contentType()));
        }
        if (properties.responseTopic() != null) {
            target.add(new StringProperty(MqttProperties.RESPONSE_TOPIC, properties.responseTopic()));
        }
        if (properties.correlationData() != null) {
            target.add(new BinaryProperty(MqttProperties.CORRELATION_DATA, properties.correlationData()));
        }
        for (UserProperty user : properties.userProperties()) {
            target.add(new MqttProperties.UserProperty(user.name(), user.value()));
        }
    }
}
