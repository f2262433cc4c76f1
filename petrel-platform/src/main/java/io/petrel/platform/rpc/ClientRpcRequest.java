package io.petrel.platform.rpc;

import io.petrel.platform.Result;
import io.petrel.platform.json.Json;
import io.petrel.platform.json.JsonReader;
import io.petrel.platform.json.JsonWriter;

/**
 * A device's call to the server (device-api.md §10): {@code {"method": "getTime", "params": {}}}. The method
 * is a required string; params are any JSON and default to {@code null}.
 *
 * @param method the method name
 * @param paramsJson the params as compact JSON text
 */
public record ClientRpcRequest(String method, String paramsJson) {

    /** Parses a client RPC payload. */
    public static Result<ClientRpcRequest> parse(byte[] payload) {
        return JsonReader.parse(payload).then(json -> {
            if (!(json instanceof Json.Obj obj)) {
                return Result.fail("an RPC request must be a JSON object, not %s", json.kind());
            }
            if (!(obj.members().get("method") instanceof Json.Str method)) {
                return Result.fail("an RPC request needs a string 'method'");
            }
            Json params = obj.members().getOrDefault("params", Json.Null.INSTANCE);
            return Result.ok(new ClientRpcRequest(method.value(), JsonWriter.text(params)));
        });
    }
}
