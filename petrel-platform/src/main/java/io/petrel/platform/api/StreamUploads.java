package io.petrel.platform.api;

import io.petrel.api.store.platform.KvValue;
import io.petrel.platform.DeviceRef;
import io.petrel.platform.Result;
import io.petrel.platform.json.Json;
import io.petrel.platform.json.JsonReader;
import io.petrel.platform.kv.KvEntry;
import io.petrel.platform.telemetry.TelemetryUpload;
import io.petrel.platform.telemetry.TimedValues;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * A device publishing straight into its own streaming namespace. {@code device/{own name}/telemetry} takes
 * any telemetry shape of device-api.md §5; {@code device/{own name}/telemetry/{key}} takes one value, as JSON
 * or as plain text such as {@code 21.5} or {@code on}. Either is stored as telemetry and republished in the
 * namespace's own forms, so applications see one format whoever published. Another device's namespace is
 * not the device's to write.
 */
final class StreamUploads {
    private StreamUploads() {
    }

    static CompletionStage<Outcome> handle(DeviceServices services, DeviceRef device, String deviceName,
            @Nullable String key, byte[] payload, long now) {
        if (!deviceName.equals(device.name())) {
            return Payloads.done(Outcome.error(DeviceError.NOT_AUTHORIZED,
                    "a device may publish only to its own namespace, device/" + device.name() + "/telemetry"));
        }
        if (key == null) {
            return TelemetryUploads.handle(services, device, TopicFamily.V1, payload, now);
        }
        Result<Json> json = JsonReader.parse(payload);
        Json value = json.isOk() ? json.value() : new Json.Str(new String(payload, StandardCharsets.UTF_8));
        Result<@Nullable KvValue> typed = services.kv().value(key, value);
        if (!typed.isOk()) {
            return Payloads.done(Payloads.invalid(typed));
        }
        KvValue kv = typed.value();
        List<TimedValues> groups = kv == null ? List.of() : List.of(new TimedValues(now, List.of(new KvEntry(key, kv))));
        return TelemetryUploads.store(services, device, new TelemetryUpload(groups));
    }
}
