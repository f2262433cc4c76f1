package io.petrel.mqtt.listener;

/** The names of the stages of an MQTT pipeline, in the order bytes flow in. */
public final class HandlerNames {
    /** Counts bytes in and out. */
    public static final String TRAFFIC = "traffic";
    /** Closes connections that send no CONNECT in time, then enforces keep alive. */
    public static final String IDLE = "idle";
    /** Decodes MQTT packets with Petrel's limits. */
    public static final String DECODER = "mqttDecoder";
    /** Encodes MQTT packets. */
    public static final String ENCODER = "mqttEncoder";
    /** Hands packets to the protocol handlers. */
    public static final String DISPATCHER = "mqttDispatcher";

    private HandlerNames() {
    }
}
