package io.petrel.platform.api;

import io.petrel.platform.DeviceRef;
import io.petrel.platform.Result;
import io.petrel.platform.claim.ClaimRequest;
import io.petrel.platform.session.SessionHandle;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** The device API topics whose handling is short: claims, OTA chunks, gateway topics. */
final class OtherTopics {
    private OtherTopics() {
    }

    /**
     * A claim request (device-api.md §11) opens the device's claiming window. It is acknowledged with 0x00
     * even when the window is refused; only a payload that is no object is an error.
     */
    static CompletionStage<Outcome> claim(DeviceServices services, DeviceRef device, byte[] payload) {
        Result<ClaimRequest> request = ClaimRequest.parse(payload);
        if (!request.isOk()) {
            return Payloads.done(Payloads.invalid(request));
        }
        services.claims().register(device.id(), request.value());
        return Payloads.done(Outcome.OK);
    }

    /**
     * An OTA chunk request (device-api.md §13). No package is ever assigned yet, which the device API answers
     * with {@code NOT_FOUND} on the error topic and a close.
     */
    static CompletionStage<Outcome> otaChunk(SessionHandle session, DeviceTopic.OtaChunk request) {
        String topic = "v2/" + request.kind() + "/error";
        Outbound error = new Outbound(topic, "NOT_FOUND".getBytes(StandardCharsets.UTF_8), session.qosFor(topic), null);
        return Payloads.done(new Outcome(null, "no " + request.kind() + " package is assigned", List.of(error),
                ReasonCode.IMPLEMENTATION_SPECIFIC_ERROR));
    }

    /** A gateway topic (device-api.md §14): only gateways may use them, and the gateway API is not here yet. */
    static CompletionStage<Outcome> gateway(DeviceRef device, String topic) {
        return Payloads.done(device.gateway()
                ? Outcome.error(DeviceError.NOT_IMPLEMENTED, "the gateway API is not supported yet")
                : Outcome.error(DeviceError.NOT_AUTHORIZED, topic + " is for gateways only"));
    }
}
