package io.petrel.platform.session;

import io.petrel.platform.DeviceRef;

/** Told when a device gets its first live session and when it loses its last. */
public interface PresenceListener {

    /** The device's first session opened. */
    void connected(DeviceRef device, long nowMillis);

    /** The device's last session closed. */
    void disconnected(DeviceRef device, long nowMillis);
}
