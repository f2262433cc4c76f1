package io.petrel.mqtt.framing;

/**
 * What the framing stages find wrong with a packet that Netty's decoder does not reject itself. The protocol
 * layer names the reason code for each (see {@code DecodeFailures}).
 */
public enum PacketFault {
    /** A length inside the packet points past its end: the decoder would wait for bytes of no packet. */
    TRUNCATED("a length inside the packet runs past its end"),
    /** The properties do not end where their Property Length says (§2.2.2.1). */
    PROPERTY_LENGTH("the properties do not end where their length says"),
    /** A property that Table 2-4 does not allow in the packet: a Malformed Packet (§2.2.2.2). */
    PROPERTY_NOT_ALLOWED("a property not valid for the packet type"),
    /** A property that may appear once, included twice: a Protocol Error (§3.1.2.11, §3.3.2.3, ...). */
    DUPLICATE_PROPERTY("a property included more than once"),
    /** A reserved bit of a SUBSCRIBE's subscription options set: a Malformed Packet [MQTT-3.8.3-5]. */
    SUBSCRIPTION_OPTIONS_RESERVED("a reserved bit of the subscription options set");

    private final String description;

    PacketFault(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
