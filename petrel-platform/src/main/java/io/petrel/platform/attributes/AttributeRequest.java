package io.petrel.platform.attributes;

import io.petrel.platform.Result;
import io.petrel.platform.json.Json;
import io.petrel.platform.json.JsonReader;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A device's attribute read (device-api.md §7): {@code {"clientKeys": "model,fwVersion", "sharedKeys":
 * "targetTemp"}}. Each member is a comma-separated string, not trimmed; a JSON array is a payload error.
 * Neither member asks for every client and shared attribute; one asks for that scope only.
 *
 * @param clientKeys the client keys asked for, or null for none (or all, when both are null)
 * @param sharedKeys the shared keys asked for, or null for none (or all, when both are null)
 */
public record AttributeRequest(@Nullable List<String> clientKeys, @Nullable List<String> sharedKeys) {

    /** Whether the request asks for every client and shared attribute. */
    public boolean all() {
        return clientKeys == null && sharedKeys == null;
    }

    /** Parses a request payload. */
    public static Result<AttributeRequest> parse(byte[] payload) {
        return JsonReader.parse(payload).then(json -> {
            if (!(json instanceof Json.Obj obj)) {
                return Result.fail("an attribute request must be a JSON object, not %s", json.kind());
            }
            Result<@Nullable List<String>> client = keys(obj, "clientKeys");
            Result<@Nullable List<String>> shared = keys(obj, "sharedKeys");
            if (!client.isOk()) {
                return Result.fail(client.problem());
            }
            if (!shared.isOk()) {
                return Result.fail(shared.problem());
            }
            return Result.ok(new AttributeRequest(client.value(), shared.value()));
        });
    }

    private static Result<@Nullable List<String>> keys(Json.Obj obj, String member) {
        Json value = obj.members().get(member);
        if (value == null || value instanceof Json.Null) {
            return Result.ok(null);
        }
        if (!(value instanceof Json.Str str)) {
            return Result.fail("'%s' must be a comma-separated string, not %s", member, value.kind());
        }
        return Result.ok(Arrays.asList(str.value().split(",")));
    }
}
