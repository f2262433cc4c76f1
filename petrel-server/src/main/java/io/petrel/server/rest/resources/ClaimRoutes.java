package io.petrel.server.rest.resources;

import static io.petrel.server.rest.schema.Field.optional;
import static io.petrel.server.rest.schema.Field.required;

import io.petrel.api.store.platform.Device;
import io.petrel.platform.claim.ClaimService;
import io.petrel.server.rest.ApiError;
import io.petrel.server.rest.Call;
import io.petrel.server.rest.Route;
import io.petrel.server.rest.schema.Schema;
import java.util.List;
import java.util.Map;

/**
 * The REST side of claiming (device-api.md §11): a device opens a claiming window with a secret over MQTT, and
 * a user who knows the secret claims it here before the window closes. A claim succeeds once.
 */
final class ClaimRoutes {
    private static final Schema REQUEST = Schema.named("ClaimRequest", "A claim of a device.", Schema.object(
            optional("secretKey", Schema.string(), "The secret the device registered; empty by default.")));
    private static final Schema RESULT = Schema.named("ClaimResult", "A successful claim.", Schema.object(
            required("result", Schema.string().oneOf("SUCCESS"), "The outcome.")));

    private ClaimRoutes() {
    }

    static List<Route> routes(RestContext rest) {
        return List.of(Route.post("/api/v1/devices/{deviceId}/claim").doc("claimDevice", "Devices",
                        "Claim a device with the secret it registered; refused (400) without an open claiming window "
                                + "or with the wrong secret.")
                .body(REQUEST).ok(RESULT).handle(call -> claim(rest, call)));
    }

    private static Map<String, String> claim(RestContext rest, Call call) {
        Device device = rest.device(call);
        String secret = call.body().optString("secretKey");
        ClaimService.ClaimOutcome outcome = rest.platform().claims().claim(device.id(), secret == null ? "" : secret);
        if (outcome != ClaimService.ClaimOutcome.SUCCESS) {
            throw ApiError.badRequest("device " + device.id() + " has no open claiming window, or the secret key is "
                    + "wrong");
        }
        return Map.of("result", "SUCCESS");
    }
}
