package io.petrel.platform.api;

import io.petrel.api.store.platform.AttributeScope;
import io.petrel.platform.DeviceRef;
import io.petrel.platform.Result;
import io.petrel.platform.json.Json;
import io.petrel.platform.kv.KvEntry;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** Client-side attribute uploads (device-api.md §6): a JSON object of key-values, upserted in CLIENT scope. */
final class AttributeUploads {
    private AttributeUploads() {
    }

    static CompletionStage<Outcome> handle(DeviceServices services, DeviceRef device, TopicFamily family,
            byte[] payload) {
        Outcome unsupported = Payloads.unsupportedFormat(family, device);
        if (unsupported != null) {
            return Payloads.done(unsupported);
        }
        Result<Json> json = Payloads.json(payload);
        if (!json.isOk()) {
            return Payloads.done(Payloads.invalid(json));
        }
        if (!(json.value() instanceof Json.Obj object)) {
            return Payloads.done(Outcome.error(DeviceError.PAYLOAD_INVALID,
                    "attributes must be a JSON object, not " + json.value().kind()));
        }
        Result<List<KvEntry>> entries = services.kv().parse(object);
        if (!entries.isOk()) {
            return Payloads.done(Payloads.invalid(entries));
        }
        return services.attributes().save(device.id(), AttributeScope.CLIENT, entries.value())
                .thenApply(saved -> Outcome.OK);
    }
}
