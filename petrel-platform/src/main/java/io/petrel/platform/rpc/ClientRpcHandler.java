package io.petrel.platform.rpc;

import io.petrel.platform.DeviceRef;
import java.util.concurrent.CompletionStage;

/**
 * Answers devices' client-side RPCs other than {@code getSessionLimits}, as the rule layer will. The answer
 * is JSON text; a failed stage becomes {@code {"error": "<message>"}}, and no answer within the client RPC
 * timeout becomes {@code {"error": "timeout"}}.
 */
@FunctionalInterface
public interface ClientRpcHandler {

    /** Answers a call; may complete on any thread. */
    CompletionStage<String> handle(DeviceRef device, String method, String paramsJson);
}
