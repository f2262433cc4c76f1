package io.petrel.platform.registry;

import io.petrel.platform.Result;
import io.petrel.platform.json.Json;
import io.petrel.platform.json.JsonReader;
import io.petrel.platform.json.JsonWriter;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * MQTT basic credentials as stored in {@link io.petrel.api.store.platform.DeviceCredentials#value()}: a JSON
 * object with the client id, the user name and the password hash, each optional.
 *
 * @param clientId the client id, or null
 * @param userName the user name, or null
 * @param passwordHash the password hash made by {@link PasswordHasher}, or null when there is no password
 */
public record MqttBasicValue(@Nullable String clientId, @Nullable String userName, @Nullable String passwordHash) {

    /** The stored JSON text. */
    public String toJson() {
        return new String(JsonWriter.bytes(out -> {
            out.writeStartObject();
            if (clientId != null) {
                out.writeStringField("clientId", clientId);
            }
            if (userName != null) {
                out.writeStringField("userName", userName);
            }
            if (passwordHash != null) {
                out.writeStringField("passwordHash", passwordHash);
            }
            out.writeEndObject();
        }), StandardCharsets.UTF_8);
    }

    /** Reads the stored JSON text. */
    public static Result<MqttBasicValue> fromJson(String text) {
        return JsonReader.parse(text.getBytes(StandardCharsets.UTF_8)).then(json -> {
            if (!(json instanceof Json.Obj obj)) {
                return Result.fail("stored MQTT basic credentials are not an object");
            }
            return Result.ok(new MqttBasicValue(string(obj, "clientId"), string(obj, "userName"),
                    string(obj, "passwordHash")));
        });
    }

    private static @Nullable String string(Json.Obj obj, String name) {
        return obj.members().get(name) instanceof Json.Str str ? str.value() : null;
    }
}
