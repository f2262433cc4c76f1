package io.petrel.platform.stream;

import io.petrel.api.OrganizationPublisher;
import io.petrel.platform.DeviceRef;
import io.petrel.platform.telemetry.TelemetryUpload;

/** Publishes the streaming namespace's messages into each device's organization. */
public final class StreamPublisher {
    private final OrganizationPublisher publisher;

    public StreamPublisher(OrganizationPublisher publisher) {
        this.publisher = publisher;
    }

    /** Republishes a stored telemetry upload. */
    public void telemetry(DeviceRef device, TelemetryUpload upload) {
        StreamMessages.telemetry(device.name(), upload)
                .forEach(message -> publisher.publish(device.organization(), message));
    }

    /** Updates the device's retained status. */
    public void status(DeviceRef device, boolean online, long ts) {
        publisher.publish(device.organization(), StreamMessages.status(device.name(), online, ts));
    }
}
