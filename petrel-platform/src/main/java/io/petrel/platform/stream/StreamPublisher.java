package io.petrel.platform.stream;

import io.petrel.api.Broker;
import io.petrel.platform.DeviceRef;
import io.petrel.platform.telemetry.TelemetryUpload;

/** Publishes the streaming namespace's messages into each device's organization, through the broker. */
public final class StreamPublisher {
    private final Broker broker;

    public StreamPublisher(Broker broker) {
        this.broker = broker;
    }

    /** Republishes a stored telemetry upload. */
    public void telemetry(DeviceRef device, TelemetryUpload upload) {
        StreamMessages.telemetry(device.name(), upload)
                .forEach(message -> broker.publish(device.organization(), message));
    }

    /** Removes a deleted device's retained status. */
    public void clearStatus(String organization, String deviceName) {
        broker.publish(organization, StreamMessages.clearStatus(deviceName));
    }

    /** Updates the device's retained status. */
    public void status(DeviceRef device, boolean online, long ts) {
        broker.publish(device.organization(), StreamMessages.status(device.name(), online, ts));
    }
}
