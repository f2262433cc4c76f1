package io.petrel.mqtt.protocol;

import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.mqtt.MqttIdentifierRejectedException;
import io.netty.handler.codec.mqtt.MqttUnacceptableProtocolVersionException;
import io.petrel.mqtt.framing.PacketFaultException;

/**
 * Names what the MQTT decoder, or the framing stages around it, rejected. Netty reports most rejections as a
 * plain {@code DecoderException} whose message says what was wrong, so the message text is matched here, in one
 * place, and tests send each kind of bad packet to keep the match honest. The framing stages say what they found
 * with a {@link PacketFaultException}.
 */
public final class DecodeFailures {
    private DecodeFailures() {
    }

    /** The error for a decoder failure's cause. */
    public static ProtocolError classify(Throwable cause) {
        if (cause instanceof PacketFaultException found) {
            return switch (found.fault()) {
                case TRUNCATED -> ProtocolError.TRUNCATED_PACKET;
                case PROPERTY_LENGTH -> ProtocolError.MALFORMED_PACKET;
                // §2.2.2.2: an identifier not valid for the packet type is a Malformed Packet.
                case PROPERTY_NOT_ALLOWED -> ProtocolError.PROPERTY_NOT_ALLOWED;
                // A property repeated where it may appear once is a Protocol Error (§3.1.2.11.2 and the like).
                case DUPLICATE_PROPERTY -> ProtocolError.DUPLICATE_PROPERTY;
                // [MQTT-3.8.3-5] (MQTT 3.1.1 [MQTT-3-8.3-4]) reserved bits of the options: a Malformed Packet.
                case SUBSCRIPTION_OPTIONS_RESERVED -> ProtocolError.RESERVED_FLAGS;
            };
        }
        if (cause instanceof TooLongFrameException) {
            return ProtocolError.PACKET_TOO_LARGE;
        }
        if (cause instanceof MqttUnacceptableProtocolVersionException) {
            return ProtocolError.UNSUPPORTED_PROTOCOL_VERSION;
        }
        if (cause instanceof MqttIdentifierRejectedException) {
            return ProtocolError.CLIENT_IDENTIFIER_NOT_VALID;
        }
        String message = String.valueOf(cause.getMessage());
        if (message.contains("UTF-8") || message.contains("U+0000")) {
            return ProtocolError.INVALID_UTF8;
        }
        if (message.contains("remaining length") || message.contains("Remaining Length")) {
            return ProtocolError.MALFORMED_REMAINING_LENGTH;
        }
        if (message.contains("Illegal BIT") || message.contains("Illegal QOS") || message.contains("reserved flag")
                || message.contains("must have QoS 1")) {
            return ProtocolError.RESERVED_FLAGS;
        }
        if (message.contains("invalid publish topic name")) {
            return ProtocolError.TOPIC_NAME_INVALID;
        }
        if (message.contains("invalid QoS") || message.contains("invalid RetainedHandlingPolicy")) {
            // §3.8.3.1: a Maximum QoS or a Retain Handling of 3 in a SUBSCRIBE is a Protocol Error, not a
            // malformed packet, although the decoder is what finds it.
            return ProtocolError.SUBSCRIPTION_OPTIONS_INVALID;
        }
        if (message.contains("invalid messageId")) {
            return ProtocolError.PACKET_ID_ZERO;
        }
        return ProtocolError.MALFORMED_PACKET;
    }
}
