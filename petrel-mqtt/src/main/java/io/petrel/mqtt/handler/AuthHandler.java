package io.petrel.mqtt.handler;

import io.petrel.mqtt.protocol.ProtocolAction;
import io.petrel.mqtt.protocol.ProtocolError;

/**
 * AUTH. Enhanced authentication is never negotiated (a CONNECT that asks for it is refused with 0x8C), so an
 * AUTH packet is always a protocol error: a client that sent no authentication method sends no AUTH
 * [MQTT-4.12.0-7].
 */
public final class AuthHandler {
    private AuthHandler() {
    }

    public static ProtocolAction handle() {
        return ProtocolAction.disconnect(ProtocolError.PROTOCOL_ERROR);
    }
}
