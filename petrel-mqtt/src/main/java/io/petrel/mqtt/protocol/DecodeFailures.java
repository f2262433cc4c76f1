package io.petrel.mqtt.protocol;

import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.mqtt.MqttIdentifierRejectedException;
import io.netty.handler.codec.mqtt.MqttUnacceptableProtocolVersionException;

/**
 * Names what the MQTT decoder rejected. Netty reports most rejections as a plain {@code DecoderException}
 * whose message says what was wrong, so the message text is matched here, in one place, and tests send each
 * kind of bad packet to keep the match honest.
 */
public final class DecodeFailures {
    private DecodeFailures() {
    }

    /** The error for a decoder failure's cause. */
    public static ProtocolError classify(Throwable cause) {
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
