package io.petrel.platform.api;

import io.petrel.platform.DeviceRef;
import io.petrel.platform.Result;
import io.petrel.platform.json.Json;
import io.petrel.platform.json.JsonReader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/** The checks every JSON topic of the device API starts with. */
final class Payloads {
    private Payloads() {
    }

    /** A finished outcome. */
    static CompletionStage<Outcome> done(Outcome outcome) {
        return CompletableFuture.completedFuture(outcome);
    }

    /** The outcome for a topic whose payload is protobuf for this device, or null if it is JSON. */
    static @Nullable Outcome unsupportedFormat(TopicFamily family, DeviceRef device) {
        return family.isJson(device.payloadType()) ? null
                : Outcome.error(DeviceError.NOT_IMPLEMENTED, "protobuf payloads are not supported yet");
    }

    /** The parsed payload, as a problem outcome when it is not JSON. */
    static Result<Json> json(byte[] payload) {
        return JsonReader.parse(payload);
    }

    static Outcome invalid(Result<?> failed) {
        return Outcome.error(DeviceError.PAYLOAD_INVALID, failed.problem().message());
    }
}
