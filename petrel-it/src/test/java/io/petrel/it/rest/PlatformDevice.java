package io.petrel.it.rest;

import io.petrel.api.Principal;
import io.petrel.api.store.platform.Device;
import io.petrel.platform.DevicePlatform;
import io.petrel.platform.api.DeliveryListener;
import io.petrel.platform.api.Downlink;
import io.petrel.platform.api.OpenDecision;
import io.petrel.platform.api.Outbound;
import io.petrel.platform.api.PlatformSession;
import io.petrel.platform.api.PublishDecision;
import io.petrel.platform.api.ReasonCode;
import io.petrel.platform.api.Subscription;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A device session opened straight through the platform, as the protocol layer opens one for a device that
 * logged in: it records what the platform sends the device, acknowledges it like an MQTT 5 client at QoS 1,
 * and publishes as the device.
 */
final class PlatformDevice implements Downlink, AutoCloseable {
    private final List<Outbound> received = new ArrayList<>();
    private volatile @Nullable ReasonCode closedWith;
    private volatile boolean acknowledge = true;
    private PlatformSession session;

    private PlatformDevice() {
    }

    static PlatformDevice connect(DevicePlatform platform, Device device) throws Exception {
        PlatformDevice downlink = new PlatformDevice();
        Principal principal = Principal.device(device.name(), device.organization(), device.id(), device.gateway());
        OpenDecision decision = platform.open(principal, 5, downlink).toCompletableFuture().get(30, TimeUnit.SECONDS);
        downlink.session = ((OpenDecision.Open) decision).session();
        return downlink;
    }

    /** Stops acknowledging what the platform sends, like a device that never sends its PUBACKs. */
    void stopAcknowledging() {
        acknowledge = false;
    }

    /** Subscribes at QoS 1; what the platform sends in answer is received like any message. */
    void subscribe(String... filters) {
        List<Subscription> subscriptions = new ArrayList<>();
        for (String filter : filters) {
            subscriptions.add(new Subscription(filter, 1));
        }
        session.onSubscribe(subscriptions).then().forEach(this::send);
    }

    PublishDecision publish(String topic, String payload) throws Exception {
        return session.onPublish(topic, payload.getBytes(StandardCharsets.UTF_8), 1).toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
    }

    /** What the platform sent, as "topic payload" lines. */
    synchronized List<String> received() {
        return received.stream()
                .map(message -> message.topic() + " " + new String(message.payload(), StandardCharsets.UTF_8))
                .toList();
    }

    @Nullable ReasonCode closedWith() {
        return closedWith;
    }

    @Override
    public void send(Outbound message) {
        synchronized (this) {
            received.add(message);
        }
        DeliveryListener listener = message.listener();
        if (listener != null && acknowledge) {
            listener.delivered();
        }
    }

    @Override
    public void close(ReasonCode reason) {
        closedWith = reason;
        session.onClose();
    }

    @Override
    public void setReading(boolean reading) {
        // Nothing reads from this device: the test publishes directly.
    }

    @Override
    public void close() {
        if (closedWith == null) {
            closedWith = ReasonCode.SUCCESS;
            session.onClose();
        }
    }
}
