package io.petrel.platform.api;

/**
 * Told what became of a message sent to a device: delivered once the device's PUBACK arrives (QoS 1) or once
 * it is written (QoS 0), or failed if the session ends first. Exactly one of the two is called, on any thread.
 */
public interface DeliveryListener {
    /** The device has the message. */
    void delivered();

    /** The session ended before the message was delivered. */
    void failed();
}
