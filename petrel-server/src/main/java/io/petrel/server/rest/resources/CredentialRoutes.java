package io.petrel.server.rest.resources;

import io.petrel.api.store.platform.Device;
import io.petrel.api.store.platform.DeviceCredentials;
import io.petrel.platform.registry.CredentialsFactory;
import io.petrel.platform.registry.CredentialsSpec;
import io.petrel.server.rest.ApiError;
import io.petrel.server.rest.Call;
import io.petrel.server.rest.Route;
import io.petrel.server.rest.resources.Views.CredentialsView;
import io.petrel.server.rest.schema.Field;
import io.petrel.server.rest.schema.Schema;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A device's credentials. Replacing them ends the device's live sessions, which logged in with the old ones
 * (device-api.md §2.2: MQTT 5 sessions get DISCONNECT 0x98); the platform does that.
 */
final class CredentialRoutes {
    private static final String TAG = "Devices";
    private static final Map<String, Set<String>> FIELDS = Map.of(
            "ACCESS_TOKEN", Set.of("token"),
            "MQTT_BASIC", Set.of("clientId", "userName", "password"),
            "X509_CERTIFICATE", Set.of("fingerprint"));

    private CredentialRoutes() {
    }

    static List<Route> routes(RestContext rest) {
        return List.of(
                Route.get("/api/v1/devices/{deviceId}/credentials").doc("getCredentials", TAG,
                                "Read a device's credentials (a password is never shown).")
                        .ok(Schemas.CREDENTIALS).handle(call -> get(rest, call)),
                Route.put("/api/v1/devices/{deviceId}/credentials").doc("setCredentials", TAG,
                                "Replace a device's credentials; its live sessions end.")
                        .body(Schemas.CREDENTIALS_REQUEST).ok(Schemas.CREDENTIALS).errors(409)
                        .handle(call -> set(rest, call)));
    }

    private static CredentialsView get(RestContext rest, Call call) {
        Device device = rest.device(call);
        return rest.platform().registry().credentials(device.id()).map(CredentialsView::of)
                .orElseThrow(() -> ApiError.notFound("device " + device.id() + " has no credentials"));
    }

    private static CredentialsView set(RestContext rest, Call call) {
        Device device = rest.device(call);
        DeviceCredentials stored = ApiError.check(rest.platform().registry().setCredentials(device.id(),
                spec(call.body())));
        return CredentialsView.of(stored);
    }

    /** The credentials a body asks for; fields of another kind of credentials are refused. */
    static CredentialsSpec spec(Call.Body body) {
        String type = body.string("type");
        Set<String> allowed = FIELDS.get(type);
        for (Field field : ((Schema.Obj) ((Schema.Named) Schemas.CREDENTIALS_REQUEST).schema()).fields()) {
            if (!field.name().equals("type") && body.has(field.name()) && !allowed.contains(field.name())) {
                throw ApiError.badRequest("field '" + field.name() + "' does not apply to " + type
                        + " credentials (allowed: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
        return switch (type) {
            case "ACCESS_TOKEN" -> {
                String token = body.optString("token");
                yield new CredentialsSpec.AccessToken(token == null ? CredentialsFactory.randomToken() : token);
            }
            case "MQTT_BASIC" -> new CredentialsSpec.MqttBasic(body.optString("clientId"), body.optString("userName"),
                    body.optString("password"));
            default -> {
                String fingerprint = body.optString("fingerprint");
                if (fingerprint == null) {
                    throw ApiError.badRequest("field 'fingerprint' is required for X509_CERTIFICATE credentials");
                }
                yield new CredentialsSpec.X509(fingerprint);
            }
        };
    }
}
