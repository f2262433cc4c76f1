package io.petrel.platform.api;

import io.petrel.platform.DeviceRef;
import io.petrel.platform.Result;
import io.petrel.platform.json.Json;
import io.petrel.platform.telemetry.TelemetryUpload;
import java.util.concurrent.CompletionStage;

/**
 * Telemetry uploads (device-api.md §5): parsed, stored, and once stored republished to the streaming
 * namespace, so that what applications see live is what a query returns.
 */
final class TelemetryUploads {
    private TelemetryUploads() {
    }

    static CompletionStage<Outcome> handle(DeviceServices services, DeviceRef device, TopicFamily family,
            byte[] payload, long now) {
        Outcome unsupported = Payloads.unsupportedFormat(family, device);
        if (unsupported != null) {
            return Payloads.done(unsupported);
        }
        Result<Json> json = Payloads.json(payload);
        if (!json.isOk()) {
            return Payloads.done(Payloads.invalid(json));
        }
        Result<TelemetryUpload> upload = services.telemetryParser().parse(json.value(), now);
        if (!upload.isOk()) {
            return Payloads.done(Payloads.invalid(upload));
        }
        return store(services, device, upload.value());
    }

    /** Stores an upload and republishes it; an empty upload is accepted at once. */
    static CompletionStage<Outcome> store(DeviceServices services, DeviceRef device, TelemetryUpload upload) {
        if (upload.isEmpty()) {
            return Payloads.done(Outcome.OK);
        }
        return services.telemetry().write(upload.points(device.id())).thenApply(stored -> {
            services.stream().telemetry(device, upload);
            return Outcome.OK;
        });
    }
}
