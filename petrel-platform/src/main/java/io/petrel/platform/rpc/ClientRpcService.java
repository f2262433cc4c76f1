package io.petrel.platform.rpc;

import io.petrel.platform.DeviceRef;
import io.petrel.platform.json.JsonReader;
import io.petrel.platform.json.JsonWriter;
import io.petrel.platform.time.Scheduler;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/** Runs client RPCs through the handler with a timeout, and always comes back with a JSON answer. */
public final class ClientRpcService {
    private final ClientRpcHandler handler;
    private final Scheduler scheduler;
    private final long timeoutMillis;

    public ClientRpcService(ClientRpcHandler handler, Scheduler scheduler, long timeoutMillis) {
        this.handler = handler;
        this.scheduler = scheduler;
        this.timeoutMillis = timeoutMillis;
    }

    /** A handler for when nothing answers client RPCs: every method is unknown, said at once. */
    public static ClientRpcHandler unsupported() {
        return (device, method, params) -> CompletableFuture.failedFuture(
                new UnsupportedOperationException("no handler for method '" + method + "'"));
    }

    /** The JSON answer to a call. */
    public CompletionStage<byte[]> call(DeviceRef device, ClientRpcRequest request) {
        CompletableFuture<byte[]> answer = new CompletableFuture<>();
        Scheduler.Cancellable timer = scheduler.schedule(() -> answer.complete(error("timeout")), timeoutMillis);
        CompletionStage<String> handled;
        try {
            handled = handler.handle(device, request.method(), request.paramsJson());
        } catch (RuntimeException e) {
            handled = CompletableFuture.failedFuture(e);
        }
        handled.whenComplete((json, failure) -> {
            timer.cancel();
            if (failure != null) {
                answer.complete(error(message(failure)));
            } else if (json == null || !JsonReader.parse(json.getBytes(StandardCharsets.UTF_8)).isOk()) {
                answer.complete(error("the handler's answer is not JSON"));
            } else {
                answer.complete(json.getBytes(StandardCharsets.UTF_8));
            }
        });
        return answer;
    }

    private static String message(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /** {@code {"error": "<text>"}}. */
    public static byte[] error(String text) {
        return JsonWriter.bytes(out -> {
            out.writeStartObject();
            out.writeStringField("error", text);
            out.writeEndObject();
        });
    }
}
