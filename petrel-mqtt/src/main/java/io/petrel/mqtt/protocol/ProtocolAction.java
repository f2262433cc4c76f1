package io.petrel.mqtt.protocol;

import io.netty.handler.codec.mqtt.MqttMessage;
import org.jspecify.annotations.Nullable;

/**
 * What the server does in answer to one packet. Packet handlers only decide; {@link ActionExecutor} writes,
 * closes, logs and counts.
 */
public sealed interface ProtocolAction {
    /** Nothing to send. */
    ProtocolAction NONE = new Nothing();

    /** Sends a packet. */
    static ProtocolAction reply(MqttMessage packet) {
        return new Reply(packet, null);
    }

    /** Sends a packet, then runs a follow-up, such as sending retained messages after a SUBACK. */
    static ProtocolAction reply(MqttMessage packet, Runnable afterwards) {
        return new Reply(packet, afterwards);
    }

    /** Refuses a CONNECT: a CONNACK with the error's code where the version has one, then a close. */
    static ProtocolAction refuse(ProtocolError error) {
        return new Refuse(error);
    }

    /** Ends the connection: a DISCONNECT with the error's reason code for MQTT 5, then a close. */
    static ProtocolAction disconnect(ProtocolError error) {
        return new Disconnect(error);
    }

    /** Closes the connection without an error, as after the client's DISCONNECT. */
    static ProtocolAction close() {
        return new Close();
    }

    /**
     * Send a packet.
     *
     * @param packet the packet
     * @param afterwards what to run once it is written, or null
     */
    record Reply(MqttMessage packet, @Nullable Runnable afterwards) implements ProtocolAction {
    }

    /**
     * Refuse a CONNECT.
     *
     * @param error why
     */
    record Refuse(ProtocolError error) implements ProtocolAction {
    }

    /**
     * End the connection.
     *
     * @param error why
     */
    record Disconnect(ProtocolError error) implements ProtocolAction {
    }

    /** Close the connection normally. */
    record Close() implements ProtocolAction {
    }

    /** Do nothing. */
    record Nothing() implements ProtocolAction {
    }
}
