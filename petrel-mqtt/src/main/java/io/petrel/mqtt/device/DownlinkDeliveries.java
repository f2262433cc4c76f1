package io.petrel.mqtt.device;

import io.petrel.engine.session.Delivery;
import io.petrel.platform.api.DeliveryListener;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The messages the platform sent a device and wants to hear about: first by delivery, until the session writes
 * it and so gives it a packet id, then by packet id until the PUBACK. Each listener is told once. Used on the
 * connection's loop only.
 */
final class DownlinkDeliveries {
    // Small: the platform's messages with listeners are RPCs, few at a time per device.
    private final Map<Delivery, DeliveryListener> unsent = new IdentityHashMap<>(4);
    private final Map<Integer, DeliveryListener> unacknowledged = new HashMap<>();

    void track(Delivery delivery, DeliveryListener listener) {
        unsent.put(delivery, listener);
    }

    /** The listener of a delivery about to be written, which is no longer tracked by delivery; or null. */
    @Nullable DeliveryListener take(Delivery delivery) {
        return unsent.isEmpty() ? null : unsent.remove(delivery);
    }

    /** Whether a delivery is still tracked: neither written nor given up. */
    boolean isUnsent(Delivery delivery) {
        return unsent.containsKey(delivery);
    }

    void awaitAcknowledgement(int packetId, DeliveryListener listener) {
        unacknowledged.put(packetId, listener);
    }

    /** The device acknowledged a packet id; tells its listener, if the platform sent it. */
    void acknowledged(int packetId) {
        DeliveryListener listener = unacknowledged.isEmpty() ? null : unacknowledged.remove(packetId);
        if (listener != null) {
            listener.delivered();
        }
    }

    /** The connection ended: every message still tracked failed. */
    void failAll() {
        List<DeliveryListener> failed = new ArrayList<>(unsent.values());
        failed.addAll(unacknowledged.values());
        unsent.clear();
        unacknowledged.clear();
        failed.forEach(DeliveryListener::failed);
    }
}
