package io.petrel.server.rest.resources;

import static io.petrel.server.rest.schema.Field.optional;
import static io.petrel.server.rest.schema.Field.required;

import io.petrel.api.store.platform.Device;
import io.petrel.platform.json.Json;
import io.petrel.platform.json.JsonReader;
import io.petrel.platform.json.JsonWriter;
import io.petrel.platform.rpc.RpcCall;
import io.petrel.platform.rpc.RpcRequest;
import io.petrel.platform.rpc.RpcResult;
import io.petrel.platform.rpc.RpcStatus;
import io.petrel.server.rest.ApiError;
import io.petrel.server.rest.Call;
import io.petrel.server.rest.RawJson;
import io.petrel.server.rest.Route;
import io.petrel.server.rest.schema.Schema;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Server-side RPC (device-api.md §9). A two-way call waits for the device's answer and returns it as the body;
 * a one-way call returns once the device has the request. A device that is not connected gets the call when it
 * subscribes to RPC requests, if that happens before the timeout. Running out of time is a 504.
 */
final class RpcRoutes {
    private static final String TAG = "RPC";
    /** The longest timeout a caller may ask for: an HTTP request should not hang for longer. */
    static final long MAX_TIMEOUT_MILLIS = 600_000;
    private static final Schema REQUEST = Schema.named("RpcRequest", "A call to a device.", Schema.object(
            required("method", Schema.text(1024), "The method name."),
            optional("params", Schema.any(), "The params, any JSON value, passed to the device unchanged; null "
                    + "when left out."),
            optional("timeout", Schema.integer(1, MAX_TIMEOUT_MILLIS), "How long the call may take, in "
                    + "milliseconds; 10000 by default, and at least 5000 (shorter ones are raised).")));
    private static final Schema DELIVERED = Schema.named("RpcDelivered", "A one-way call the device has.",
            Schema.object(
                    required("id", Schema.integer(0, Integer.MAX_VALUE), "The call's id on the device."),
                    required("status", Schema.string().oneOf("DELIVERED"), "The call's state.")));

    record DeliveredView(int id, String status) {
    }

    private RpcRoutes() {
    }

    static List<Route> routes(RestContext rest) {
        return List.of(
                Route.post("/api/v1/devices/{deviceId}/rpc/twoway").doc("callDeviceTwoWay", TAG,
                                "Call a device and wait for its answer, which is the body of the response.")
                        .body(REQUEST).ok(Schema.named("RpcAnswer", "The device's answer, as it sent it.",
                                Schema.any()))
                        .errors(502, 504).handle(call -> call(rest, call, false)),
                Route.post("/api/v1/devices/{deviceId}/rpc/oneway").doc("callDeviceOneWay", TAG,
                                "Send a device a request, and return once it has it.")
                        .body(REQUEST).ok(DELIVERED).errors(504).handle(call -> call(rest, call, true)));
    }

    private static CompletionStage<Object> call(RestContext rest, Call call, boolean oneWay) {
        Device device = rest.device(call);
        Json params = call.body().get("params");
        Long timeout = call.body().optLong("timeout");
        RpcRequest request = new RpcRequest(call.body().string("method"),
                params == null ? "null" : JsonWriter.text(params), timeout == null ? 0 : timeout, oneWay);
        RpcCall rpc = ApiError.check(rest.platform().rpc().call(device.id(), request));
        return rpc.result().thenApply(result -> answer(rpc, result));
    }

    private static Object answer(RpcCall rpc, RpcResult result) {
        if (result.status() == RpcStatus.EXPIRED) {
            throw new ApiError(504, "the device did not subscribe to RPC requests within the timeout; the call "
                    + "was never sent");
        }
        if (result.status() != RpcStatus.SUCCESSFUL) {
            throw new ApiError(504, rpc.request().oneWay() ? "the device did not acknowledge the request in time"
                    : "the device did not answer in time");
        }
        if (rpc.request().oneWay()) {
            return new DeliveredView(rpc.id(), "DELIVERED");
        }
        String response = result.response() == null ? "" : result.response();
        if (!JsonReader.parse(response.getBytes(StandardCharsets.UTF_8)).isOk()) {
            throw new ApiError(502, "the device answered with something that is not JSON: " + abbreviate(response));
        }
        return new RawJson(response);
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
