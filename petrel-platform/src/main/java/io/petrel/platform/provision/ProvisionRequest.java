package io.petrel.platform.provision;

import io.petrel.platform.Result;
import io.petrel.platform.json.Json;
import io.petrel.platform.json.JsonReader;
import org.jspecify.annotations.Nullable;

/**
 * A provision request. Note the asymmetry of the device API: the request says {@code username}, the answer
 * {@code userName}.
 *
 * @param deviceName the name asked for, or null to have one generated
 * @param key the provisioning key, or null if missing
 * @param secret the provisioning secret, or null if missing
 * @param credentialsType {@code ACCESS_TOKEN} (the default), {@code MQTT_BASIC} or {@code X509_CERTIFICATE}
 * @param token the access token asked for, or null to have one generated
 * @param clientId the MQTT basic client id, or null
 * @param username the MQTT basic user name, or null
 * @param password the MQTT basic password, or null
 * @param hash the certificate fingerprint, or null
 * @param gateway whether the new device is a gateway
 */
public record ProvisionRequest(@Nullable String deviceName, @Nullable String key, @Nullable String secret,
        String credentialsType, @Nullable String token, @Nullable String clientId, @Nullable String username,
        @Nullable String password, @Nullable String hash, boolean gateway) {

    /** Parses a provision payload; a problem if it is no JSON object. */
    public static Result<ProvisionRequest> parse(byte[] payload) {
        return JsonReader.parse(payload).then(json -> {
            if (!(json instanceof Json.Obj obj)) {
                return Result.fail("a provision request must be a JSON object, not %s", json.kind());
            }
            String type = string(obj, "credentialsType");
            return Result.ok(new ProvisionRequest(string(obj, "deviceName"), string(obj, "provisionDeviceKey"),
                    string(obj, "provisionDeviceSecret"), type == null ? "ACCESS_TOKEN" : type, string(obj, "token"),
                    string(obj, "clientId"), string(obj, "username"), string(obj, "password"), string(obj, "hash"),
                    obj.members().get("gateway") instanceof Json.Bool b && b.value()));
        });
    }

    private static @Nullable String string(Json.Obj obj, String name) {
        return obj.members().get(name) instanceof Json.Str str ? str.value() : null;
    }
}
