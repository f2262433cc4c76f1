package io.petrel.mqtt.handler;

import io.netty.handler.codec.mqtt.MqttConnectPayload;
import io.netty.handler.codec.mqtt.MqttConnectVariableHeader;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.petrel.api.Message;
import io.petrel.api.QoS;
import io.petrel.engine.session.Will;
import io.petrel.mqtt.codec.PropertiesCodec;
import org.jspecify.annotations.Nullable;

/** Maps the will of a CONNECT to the engine's {@link Will}. */
final class WillMapper {
    private WillMapper() {
    }

    /** The will, or null if the CONNECT has none. */
    static @Nullable Will toWill(MqttConnectVariableHeader header, MqttConnectPayload payload, String clientId) {
        if (!header.isWillFlag()) {
            return null;
        }
        MqttProperties properties = payload.willProperties();
        Message message = new Message(payload.willTopic(), payload.willMessageInBytes(), QoS.of(header.willQos()),
                header.isWillRetain(), PropertiesCodec.toDomain(properties), Message.NO_EXPIRY, clientId);
        long delay = PropertiesCodec.intValue(properties, MqttProperties.WILL_DELAY_INTERVAL, 0) & 0xFFFF_FFFFL;
        int expiry = PropertiesCodec.intValue(properties, MqttProperties.PUBLICATION_EXPIRY_INTERVAL, -1);
        return new Will(message, delay, expiry < 0 ? -1 : expiry & 0xFFFF_FFFFL);
    }
}
